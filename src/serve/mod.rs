//! What `rapporteur serve` runs besides the build: its HTTP server and the
//! choice of folders it watches. The command itself is src/cmd/serve.rs.

pub(crate) mod answer;
pub(crate) mod http;
pub(crate) mod watch;
