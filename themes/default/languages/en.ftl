# The built-in theme's words in English (docs/languages.md).
# Every other language falls back to these messages.

## How figures are written

# chrono's strftime pattern of a short date.
format-date = %Y-%m-%d
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-year = { $month } { $year }

## Every page: header, navigation and footer

skip-to-content = Skip to content
nav-site = Site
nav-portfolio = Portfolio
nav-actions = Actions
nav-risks = Risks
nav-search = Search
nav-breadcrumb = Breadcrumb
feed-notes-title = { $site }: notes
footer-as-of = Report as of <strong>{ $date }</strong>. Built for: <strong>{ $scope }</strong>.
footer-built-by = Built by rapporteur from the committed records; every figure links to its reasons.
footer-subscribe = Subscribe:
footer-feed = notes feed (Atom)
footer-calendar = calendar of due dates (iCalendar)

## Pieces of sentences

# A date in a sentence: 4 March 2027.
date-long = { $day } { $month } { $year }
# August to October 2026
month-span = { $from } to { $to }
# 64.7% in August
in-month = { $text } in { $month }
list-separator = {", "}
# a, b and c
list-last = { $init } and { $last }
# A month without a figure.
not-reported = not reported
# The short form, in tables and on charts.
not-reported-short = n/r
