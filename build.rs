//! Embeds the built-in theme: every file under themes/default becomes a
//! `(relative path, bytes)` entry, so adding a template needs no code change.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let theme = Path::new("themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(theme, theme, &mut files);
    files.sort();
    let mut code = String::from("pub(crate) static BUILTIN_THEME: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            abs.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("builtin_theme.rs"), code).expect("write builtin_theme.rs");
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, files);
        } else {
            let rel = path.strip_prefix(base).expect("under base");
            let rel = rel.to_string_lossy().replace('\\', "/");
            let abs = fs::canonicalize(&path).expect("canonical path");
            files.push((rel, abs));
        }
    }
}
