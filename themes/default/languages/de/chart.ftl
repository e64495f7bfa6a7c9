# Die eigenen Wörter der Diagramme (docs/languages.md): Legenden,
# Beschreibungen, Datentabellen und die Wörter, die render den Diagrammen gibt.

# Bezeichnungen im Satz: Deutsch schreibt Substantive groß.
chart-sentence-case = keep

## Monate an der Achse: "Sep 26"

chart-month-short-1 = Jan
chart-month-short-2 = Feb
chart-month-short-3 = Mär
chart-month-short-4 = Apr
chart-month-short-5 = Mai
chart-month-short-6 = Jun
chart-month-short-7 = Jul
chart-month-short-8 = Aug
chart-month-short-9 = Sep
chart-month-short-10 = Okt
chart-month-short-11 = Nov
chart-month-short-12 = Dez

## Legenden, Hinweise und Tabellenköpfe

chart-actual = Istwert
chart-in-progress = Laufender Monat
chart-excused = Entschuldigt
chart-not-judged = Nicht bewertet
chart-provisional = Vorläufig
chart-disputed = Strittig
chart-no-data = Keine Daten gemeldet
chart-unavailable = Diagramm nicht verfügbar: siehe Datentabelle
chart-month = Monat
chart-note = Hinweis
chart-yes = ja
chart-no = nein
chart-cell-bar-in-progress = laufend
chart-cell-in-progress = { $value } (laufend)
chart-likelihood = Eintrittswahrscheinlichkeit
chart-impact = Auswirkung
chart-impact-n = Auswirkung { $n }
chart-gap-label = Abstand { $gap }
chart-grouped-spread-header = { $series } niedrigste–höchste
chart-grouped-gap-header = Abstand ({ $first } − { $second })
chart-shade-red = rot
chart-shade-orange = orange
chart-shade-amber = gelb
chart-shade-green = grün
chart-shade-grey = grau

## Beschreibungen, Stück für Stück

chart-nothing-reported = : nichts gemeldet.
chart-items = : { $items }
chart-series-no-months = { $name }: keine Monate darzustellen.
chart-series-per-month = { $name } je Monat, { $from } bis { $to }
chart-series-target = , gegenüber einem Zielwert von { $value } ({ $direction })
chart-series-target-amended = , gegenüber einem auf { $value } geänderten Zielwert ({ $direction })
chart-series-latest = : zuletzt { $value } im { $month }
chart-series-meeting = , Zielwert erreicht
chart-series-missing = , Zielwert verfehlt
chart-series-nothing = : nichts gemeldet
chart-series-months-not-reported = , { $count ->
    [one] { $count } Monat
   *[other] { $count } Monate
} nicht gemeldet
chart-series-in-progress-at = , { $month } laufend bei { $value }
chart-series-in-progress = , { $month } laufend
chart-series-shaded = ; { $label } ({ $from } bis { $to }) hinterlegt
chart-spark-nothing = { $name }: nichts gemeldet.
chart-spark-latest = { $name }: zuletzt { $value } ({ $month })
chart-spark-shade = , { $shade }
chart-spark-from = , ausgehend von { $value } im { $month }
chart-bars-by = { $value } nach { $category }
chart-bars-latest = , { $from } bis { $to }: zuletzt { $value } ({ $label })
chart-bars-reference = ; { $name }: { $value }
chart-bars-reference-varies = ; { $name }: je Monat verschieden
chart-bars-none-flagged = ; keine Werte „{ $name }“
chart-bars-flagged = ; { $count ->
    [one] { $count } Balken
   *[other] { $count } Balken
} „{ $name }“: { $labels }
chart-grouped-by = { $value } nach { $category } für { $series }
chart-grouped-largest-gap = ; größter Abstand { $gap } bei { $category }
chart-grouped-largest-gap-flagged = ; größter Abstand { $gap } bei { $category }, markiert
chart-grouped-whiskers = Jede Fehlerlinie reicht von der niedrigsten bis zur höchsten Antwort.
chart-heat-no-risks = Keine Risiken nach Eintrittswahrscheinlichkeit und Auswirkung darzustellen.
chart-heat-class-count = { $count } { $class }
chart-heat-desc = { $count ->
    [one] { $count } Risiko
   *[other] { $count } Risiken
} nach Eintrittswahrscheinlichkeit und Auswirkung: { $classes }.

## Die Diagramme eines Berichts

chart-higher-is-better = höher ist besser
chart-lower-is-better = niedriger ist besser
chart-actual-in = Istwert ({ $unit })
chart-note-excused = entschuldigt: { $reason }
chart-note-baselining = Basiszeitraum
chart-note-low-volume = geringes Volumen
chart-target = Zielwert
chart-minimum = Mindestwert
chart-kpi-title = { $kpi } gegenüber Zielwert
chart-sla-title = SLA-Erfüllung, letzte 12 Monate
chart-sla-category = SLA-Kennzahl
chart-sla-value = Monate im Ziel (%)
chart-sla-reference = Jeden Monat im Ziel
chart-sla-flagged = In einzelnen Monaten verfehlt
chart-workload-title = Geleistete Stunden gegenüber Kapazität
chart-workload-value = Geleistete Stunden (h)
chart-workload-reference = Kapazität + { $limit }% Überstundengrenze
chart-workload-flagged = Über der Überstundengrenze
chart-cadence-title = Abgehaltene Termine gegenüber dem vereinbarten Rhythmus
chart-cadence-value = Abgehaltene Abstimmungen und Reviews
chart-cadence-reference = Laut Rhythmus erwartet
chart-cadence-flagged = Weniger als erwartet
chart-feedback-title = Feedback nach Seite und Art, { $from } bis { $to }
chart-feedback-category = Art
chart-feedback-value = Einträge
chart-feedback-praise = Lob
chart-feedback-concern = Bedenken
chart-feedback-suggestion = Vorschlag
chart-client = Kunde
chart-provider = Dienstleister
chart-side-below-floor = { $side } (weniger als { $floor } Antworten)
chart-survey-title = Beziehungsumfrage { $month }: Kunde und Dienstleister
chart-survey-category = Dimension
chart-survey-value = Bewertung (1–5)
chart-dimension-trust = Vertrauen
chart-dimension-communication = Kommunikation
chart-dimension-collaboration = Zusammenarbeit
chart-dimension-respect = Respekt
chart-dimension-goals = Ziele
chart-nps-title = Net Promoter Score, letzte vier Umfragemonate
chart-nps-value = NPS (−100 bis 100)
chart-risk-low = niedrig
chart-risk-medium = mittel
chart-risk-high = hoch
chart-risk-critical = kritisch
chart-health-title = Zustand von { $name }, letzte 12 Monate
chart-health-value = Zustand (0–100)

## Der Zeitstrahl der Eskalationen

chart-escalations-title = Eskalationen nach Stufe
chart-escalations-desc = { $count ->
    [one] { $count } Eskalation
   *[other] { $count } Eskalationen
} nach Stufe vom { $from } bis { $to }: { $open } noch offen, { $past } über der Zeitvorgabe.
chart-escalation-level = Stufe { $level }
chart-escalation-no-time-box = keine Zeitvorgabe
chart-escalation-resolved-on = gelöst am { $date }
chart-escalation-raised-on = weitergereicht am { $date }
chart-escalation-open-on = offen am { $date }
chart-escalation-open-past = offen, über der Zeitvorgabe
chart-escalation-open = offen
chart-escalations-resolved = Innerhalb der Zeitvorgabe gelöst
chart-escalations-past = Über der Zeitvorgabe
chart-escalations-other = Innerhalb der Zeitvorgabe, weitergereicht oder ohne Zeitvorgabe
chart-escalations-still-open = Noch offen
chart-escalations-box-ends = Ende der Zeitvorgabe
chart-escalations-escalation = Eskalation
chart-escalations-level = Stufe
chart-escalations-opened = Eröffnet
chart-escalations-state = Status
chart-risk-map-title = Offene Risiken nach Eintrittswahrscheinlichkeit und Auswirkung
chart-portfolio-risk-map-title = Offene Risiken im Portfolio

## Die Diagramm-Vorlage (chart.html)

chart-data-table = Datentabelle
