# Die Texte des eingebauten Themes auf Deutsch (docs/languages.md).

## Wie Zahlen und Daten geschrieben werden

format-date = %d.%m.%Y
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-year = { $month } { $year }

## Jede Seite: Kopf, Navigation und Fuß

skip-to-content = Zum Inhalt springen
nav-site = Website
nav-portfolio = Portfolio
nav-actions = Maßnahmen
nav-risks = Risiken
nav-search = Suche
nav-breadcrumb = Brotkrumen
feed-notes-title = { $site }: Notizen
footer-as-of = Bericht mit Stand <strong>{ $date }</strong>. Erstellt für: <strong>{ $scope }</strong>.
footer-built-by = Von rapporteur aus den eingecheckten Daten erstellt; jede Kennzahl verweist auf ihre Gründe.
footer-subscribe = Abonnieren:
footer-feed = Notizen-Feed (Atom)
footer-calendar = Kalender der Fälligkeiten (iCalendar)

## Satzteile

date-long = { $day }. { $month } { $year }
month-span = { $from } bis { $to }
in-month = { $text } im { $month }
list-separator = {", "}
list-last = { $init } und { $last }
not-reported = nicht gemeldet
not-reported-short = k. A.
