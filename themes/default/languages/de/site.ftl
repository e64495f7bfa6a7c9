# Portfolio- und Registerseiten, Suche, der Umfang in der Fußzeile und die
# Feeds (docs/languages.md).

## Umfang des Builds, in der Fußzeile jeder Seite

site-scope-internal = intern: alle Einträge
site-scope-shared = für den Partner freigegeben: interne Einträge ausgelassen
site-scope-client = nur Kunde { $client }
site-scope-provider = nur Dienstleister { $provider }

## Das Portfolio

site-attention-heading = Handlungsbedarf
site-attention-lede = Stand { $date }: { $summary }. Dringendstes zuerst; jeder Eintrag führt zu seiner Stelle im Bericht des Mandats.
site-attention-summary = { $critical } kritisch und { $warnings ->
    [one] { $warnings } Warnung
   *[other] { $warnings } Warnungen
}
site-attention-more = { $count } weitere, später fällig oder weniger dringend
site-attention-none = Kein Handlungsbedarf zum { $date }.
site-portfolio-lede = { $count ->
    [one] { $count } Mandat
   *[other] { $count } Mandate
}, schlechtester Zustand zuerst. Der Zustand führt zu seiner Aufschlüsselung.
site-filter-engagements = Mandate filtern
site-filter-all-phases = Alle Phasen
site-filter-any-health = Jeder Zustand
site-filter-all-clients = Alle Kunden
site-filter-all-providers = Alle Dienstleister
site-filter-show-all = Alle anzeigen
site-portfolio-caption = Mandate
site-sort-hint = {" "}– zum Sortieren eine Spaltenüberschrift wählen
site-col-engagement = Mandat
site-col-client = Kunde
site-col-provider = Dienstleister
site-col-phase = Phase
site-col-health = Zustand
site-col-sla-met = SLA erfüllt
site-col-open-risks = Offene Risiken
site-col-overdue-actions = Überfällige Maßnahmen
site-col-last-check-in = Letzte Abstimmung
site-col-next-deadline = Nächste Frist
site-col-contract-end = Vertragsende
site-flags = { $count ->
    [0] keine Hinweise
    [one] { $count } Hinweis
   *[other] { $count } Hinweise
}
site-critical-flags = , { $count } kritisch
site-partner-view-title = Der Zustand, den der freigegebene Build des Partners zeigt: nur freigegebene Einträge
site-partner-view = Partnersicht: { $score }
site-none = keine
site-no-sla-data = keine SLA-Daten
site-days-ago = vor { $days } Tagen
site-risk-map-heading = Risiken im Portfolio
site-risk-register-link = Das Risikoregister des Portfolios
site-open-actions-link = Offene Maßnahmen
site-deadline-notice-deadline = Kündigungsfrist
site-deadline-review-due = Review fällig
site-deadline-action-due = Maßnahme fällig
site-deadline-risk-mitigation-due = Risikominderung fällig
site-deadline-goal-due = Ziel fällig
site-deadline-milestone = Meilenstein
site-deadline-obligation-due = Pflicht fällig
site-deadline-escalation-time-box-ends = Zeitvorgabe der Eskalation endet
site-deadline-root-cause-due = Ursachenanalyse fällig

## Die Register: Maßnahmen und Risiken

site-noun-actions = Maßnahmen
site-noun-risks = Risiken
site-filter-register = { $noun } filtern
site-filter-all-engagements = Alle Mandate
site-filter-anyone = Alle
site-filter-any-state = Jeder Status
site-col-owner = Zuständig
site-col-state = Status
site-col-due = Fällig
site-col-action = Maßnahme
site-col-agreed = Vereinbart
site-col-obligation = Pflicht
site-col-owed-by = Geschuldet von
site-state-open-overdue-included = Offen, einschließlich überfällig
site-state-overdue = Überfällig
site-state-closed-90-days = In den letzten 90 Tagen erledigt
site-state-open-or-mitigating = Offen oder in Minderung
site-state-mitigating = In Minderung
site-state-past-due = Überfällig
site-state-closed = Geschlossen
site-group-open = Offen
site-actions-lede = { $open } offene Maßnahmen in { $engagements } Mandaten, davon { $overdue } überfällig; { $closed } in den letzten 90 Tagen erledigt, unter jedem Mandat eingeklappt. Mandate mit den meisten überfälligen Maßnahmen stehen oben. Der Name eines Mandats führt zu seiner Seite, wo jede Maßnahme auf das Protokoll verweist, in dem sie vereinbart wurde.
site-jump = Zu einem Mandat springen
site-jump-note = Hinter jedem Namen steht die Zahl seiner offenen Maßnahmen.
site-count-open = { $count } offen
site-count-overdue = { $count } überfällig
site-count-closed = { $count } geschlossen
site-count-closed-90-days = { $count } in den letzten 90 Tagen erledigt
site-open-actions-caption = Offene Maßnahmen
site-closed-actions-caption = Erledigte Maßnahmen
site-actions-none = Keine offene Maßnahme und keine in den letzten 90 Tagen erledigte.
site-actions-quiet = Nichts offen oder kürzlich erledigt:
site-risks-lede-start = { $open } offene oder in Minderung befindliche Risiken in { $engagements } Mandaten, Gesamtexposition { $exposure }
site-risks-lede-overdue = ; { $count } davon überfällig
site-risks-lede-end = . Mandate mit der höchsten Exposition stehen oben, in jedem die Risiken nach Exposition (Eintrittswahrscheinlichkeit × Auswirkung); geschlossene Risiken sind unter jedem Mandat eingeklappt.
site-risks-counts = { $count } offen, Exposition { $exposure }
site-risks-open-caption = Offene Risiken von { $name }, nach Exposition
site-risks-closed-caption = Geschlossene Risiken von { $name }
site-risks-none = Kein Risiko erfasst.
site-risks-quiet = Kein Risiko erfasst:

## Pflichten auf der Maßnahmenseite

site-obligations-heading = Überfällige oder bald fällige Pflichten
site-obligations-lede = { $overdue } überfällig und { $due_soon } in den nächsten 14 Tagen fällig, auf beiden Seiten. Jede führt zum Pflichtenregister des Mandats.
site-owed-by-providers = Dienstleister
site-owed-by-clients = Kunden
site-owed-by-heading = Pflichten der { $side }
site-owed-by-caption = Pflichten der { $side }, überfällig oder bald fällig
site-obligations-none = Nichts überfällig oder bald fällig.
site-obligation-overdue = überfällig
site-obligation-due-soon = bald fällig
site-obligation-upcoming = anstehend
site-obligation-fulfilled-late = verspätet erfüllt
site-obligation-fulfilled = erfüllt
site-obligation-waived = erlassen

## Die Suchseite

site-search-lede = Mandate, Besprechungsprotokolle (Titel und Volltext) und Maßnahmen dieser Website. Alles läuft in Ihrem Browser, offline.
site-search-label = Suchbegriffe
site-search-button = Suchen
site-search-noscript = Die Suche läuft im Browser und braucht JavaScript. Ohne JavaScript können Sie das <a href="{ $root }index.html">Portfolio</a>, die <a href="{ $root }actions.html">offenen Maßnahmen</a> oder die <a href="{ $root }risks.html">Risiken</a> durchsehen; der Index ist auch als <a href="{ $root }search-index.json">search-index.json</a> veröffentlicht.

## Die Wörter der Skripte (portfolio.js, registers.js, search.js)

site-js-showing-all = { $count ->
    [one] Das eine Mandat wird angezeigt.
   *[other] Alle { $total } Mandate werden angezeigt.
}
site-js-showing-some = { $shown } von { $total } Mandaten werden angezeigt.
site-js-register-showing = { $shown } von { $total } { $noun } angezeigt
site-js-register-folded = ; { $folded } weitere geschlossen, unter ihrem Mandat eingeklappt
site-js-search-missing = Der Suchindex konnte nicht geladen werden: search-index.js fehlt.
site-js-search-ready = Durchsucht werden { $engagements } Mandate, { $notes } Protokolle und { $actions } Maßnahmen.
site-js-search-none = Nichts gefunden für „{ $query }“.
site-js-search-found = { $count ->
    [one] { $n } Treffer
   *[other] { $n } Treffer
} für „{ $query }“
site-js-search-first = , die ersten { $limit } angezeigt.
site-js-kind-note = Protokoll

## Der Kalender der Fälligkeiten (calendar.ics)

site-ical-review-due = Review fällig: { $name }
site-ical-review-agreed = { $frequency } Review vereinbart; { $last }.
site-ical-last-review = das letzte Review war am { $date }
site-ical-no-review = kein Review seit dem Start am { $date }
site-ical-frequency-weekly = Wöchentliches
site-ical-frequency-biweekly = Zweiwöchentliches
site-ical-frequency-monthly = Monatliches
site-ical-frequency-quarterly = Vierteljährliches
site-ical-action-due = Maßnahme fällig: { $text }
site-ical-action-description = { $name }. Aus dem Protokoll „{ $note }“ vom { $date }.{ $overdue }
site-ical-overdue = {" "}Sie ist überfällig.
site-ical-risk-due = Risikominderung fällig: { $title }
site-ical-risk-description = { $name }. Bewertet mit { $rating } ({ $likelihood } × { $impact }).{ $mitigation }
site-ical-mitigation = {" "}Minderung: { $mitigation }
site-ical-notice-deadline = Kündigungsfrist: { $name }
site-ical-notice-description = Letzter Tag für die Kündigung vor Vertragsende am { $date }.
site-ical-contract-ends = Vertragsende: { $name }
site-ical-contract-end-description = { $name }: das Enddatum des Vertrags.
site-ical-milestone = Meilenstein: { $title }
site-ical-milestone-description = { $name }.{ $celebrated }
site-ical-celebrated = {" "}Gefeiert.
site-ical-obligation-due = Pflicht fällig: { $title }
site-ical-obligation-description = { $name }. Geschuldet von { $party } ({ $side }); { $state }.
site-ical-side-client = Kunde
site-ical-side-provider = Dienstleister
site-ical-escalation-due = Zeitvorgabe der Eskalation endet: { $title }
site-ical-escalation-description = { $name }. Eröffnet am { $date } auf { $level }; { $next }.
site-ical-level = Stufe { $level }
site-ical-level-named = Stufe { $level } ({ $name })
site-ical-top-of-ladder = sie ist auf der obersten Stufe
site-ical-raise-to = nach diesem Tag noch offen: weiterreichen an { $level }
site-ical-rca-due = Ursachenanalyse fällig: { $kpi } im { $month }
site-ical-rca-description = { $name }. Ein Protokoll mit `rca: {"{"} kpi: { $kpi }, month: { $month } {"}"}` erklärt den Verstoß.
site-ical-category-review = Review
site-ical-category-action = Maßnahme
site-ical-category-risk = Risiko
site-ical-category-contract = Vertrag
site-ical-category-milestone = Meilenstein
site-ical-category-obligation = Pflicht
site-ical-category-escalation = Eskalation
site-ical-category-rca = Ursachenanalyse

## Der Atom-Feed der Protokolle (feed.xml)

site-feed-title = { $site } — Protokolle
site-feed-subtitle = Besprechungsprotokolle des Portfolios, Stand { $date }; { $scope }.

## Die Wörter des Suchindex (search-index.js)

site-search-engagement-context = { $client } und { $provider } · { $phase }
site-search-action-context = { $name } · Maßnahme aus { $note }
site-search-action-open = offen
site-search-action-overdue = überfällig
site-search-action-done = erledigt
