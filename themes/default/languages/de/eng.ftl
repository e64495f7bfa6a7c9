# Der Bericht einer Geschäftsbeziehung, seine Abschnitte und Tabellen, und
# die Seite einer Notiz (docs/languages.md).

## Kopf und Inhalt des Berichts

eng-client = Kunde
eng-provider = Dienstleister
eng-health = Zustand
eng-partner-view-link = Sicht des Partners: { $score }
eng-since = Seit
eng-contract-end = Vertragsende
eng-notice-deadline = Kündigungsfrist
eng-fee = Vergütung
eng-cadence = Rhythmus
eng-capacity = Kapazität
eng-latest-review-pack = Letzter Quartalsbericht
eng-toc-label = Abschnitte dieses Berichts
eng-toc-title = Auf dieser Seite
eng-toc-flags = Hinweise ({ $count })
eng-toc-scorecard = Scorecard
eng-toc-sla = SLA-Verstöße
eng-toc-workload = Auslastung
eng-toc-feedback = Feedback
eng-toc-trust = Vertrauen
eng-toc-goals = Ziele &amp; Erwartungen
eng-toc-obligations = Pflichten
eng-toc-reviews = Quartalsberichte
eng-escalations = Eskalationen
eng-risks = Risiken
eng-actions = Maßnahmen
eng-notes = Notizen

## Werte im Kopf

eng-fee-monthly = { $amount } im Monat
eng-fee-not-stated = nicht angegeben
eng-cadence-agreed = Abstimmungen { $check_in }, Reviews { $review }
eng-not-agreed-lower = nicht vereinbart
eng-capacity-hours = { $hours } h/Monat
eng-not-set = nicht festgelegt
eng-frequency-weekly = wöchentlich
eng-frequency-biweekly = zweiwöchentlich
eng-frequency-monthly = monatlich
eng-frequency-quarterly = quartalsweise
eng-provider-kpis = KPIs von { $name }
eng-client-obligations = Kennzahlen von { $name } für { $provider }

## Zustand und Hinweise

eng-partner-note = <strong>Sicht des Partners: { $score }</strong> ({ $band }). Diesen Zustand zeigt die geteilte Ausgabe des Partners für diese Geschäftsbeziehung: Er wird nur aus den mit dem Partner geteilten Einträgen berechnet, ohne interne Notizen, Risiken, Ziele, Erwartungen, Meilensteine und Feedback. Wo die beiden Werte abweichen, machen diese internen Einträge den Unterschied. Nur interne Ausgaben zeigen diese Zeile.
eng-health-weighted = Gewichteter Mittelwert der Bestandteile unten.
eng-health-caption = Wie sich der Zustandswert zusammensetzt
eng-component = Bestandteil
eng-score = Wert
eng-weight = Faktor
eng-share = Anteil
eng-no-data = keine Daten
eng-left-out = nicht berücksichtigt
eng-band-healthy = gesund
eng-band-needs-attention = braucht Aufmerksamkeit
eng-band-at-risk = gefährdet
eng-rag-green = grün
eng-rag-amber = gelb
eng-rag-red = rot
eng-rag-grey = grau
eng-flags = Hinweise
eng-nothing-to-flag = Keine Hinweise.
eng-flags-critical = Kritisch
eng-flags-also-watch = Außerdem im Blick behalten
eng-flags-watch = Im Blick behalten
eng-severity-critical = kritisch
eng-severity-warning = Warnung
eng-severity-info = Info

## Scorecard, SLA-Verstöße und Gutschriften

eng-scorecard-title = KPI-Scorecard
eng-scorecard-summary = Leistungswert <strong>{ $score }</strong> für { $window }: { $provider_kpis } <strong>{ $provider_score }</strong>, { $client_obligations } <strong>{ $client_score }</strong>. SLA-Erfüllung der letzten 12 Monate: <strong>{ $sla }</strong>.
eng-kpi-charts-title = Jede Kennzahl gegen ihren Zielwert
eng-kpi-charts-legend = Farbige Bänder: Grün erfüllt den Zielwert, Gelb liegt zwischen Warnschwelle und Zielwert, Rot darüber hinaus. Lücken sind Monate ohne Meldung; ein hohler Punkt ist der laufende Monat.
eng-kpi = Kennzahl
eng-target = Zielwert
eng-latest = Zuletzt
eng-status = Status
eng-attainment-12 = Erfüllung, 12 Monate
eng-trend-6 = Trend, 6 Monate
eng-sla-title = SLA-Verstöße und Gutschriften
eng-breaches-caption = SLA-Verstöße, { $span }
eng-month = Monat
eng-value = Wert
eng-root-cause = Ursachenanalyse
eng-minimum-suffix = , Minimum { $minimum }
eng-default = Minimum verfehlt
eng-breaches-none = Kein SLA-Verstoß ({ $span }).
eng-credits = Gutschriften
eng-credits-summary = { $terms }. Fällig ({ $span }): <strong>{ $total }</strong>.
eng-credits-caption = Gutschriften nach Monat
eng-breaches = Verstöße
eng-credit = Gutschrift
eng-amount = Betrag
eng-at-risk-summary = { $terms }. Zeitraum { $span }: aufgelaufen <strong>{ $accrued }</strong>, zu zahlen <strong>{ $payable }</strong>, ausstehende Rückgewinnung { $pending }, zurückgewonnen { $earned_back }.
eng-in-default = Minimum verfehlt
eng-accrued = Aufgelaufen
eng-earned-back = Zurückgewonnen
eng-pending = Ausstehend
eng-payable = Zu zahlen
eng-last-12-months-span = letzte 12 Monate
eng-no-data-score = keine Daten
eng-not-reported = nicht gemeldet
eng-nothing-reported = nichts gemeldet
eng-too-few-months = zu wenige Monate
eng-attainment = { $percent } ({ $met } von { $reported } Monaten)
eng-pooled = ; gepoolt { $value } von { $total }
eng-status-excused = entschuldigt
eng-status-low-volume = geringes Volumen
eng-status-baselining = Baseline-Phase
eng-terms-target = Zielwert { $bound }
eng-terms-minimum = Minimum { $bound }
eng-terms-allocation = { $percent }% des Risikobetrags
eng-terms-until = bis { $month }: { $terms }
eng-terms-from = ab { $month }: { $terms }
eng-credit-share = { $amount } ({ $percent }% der Vergütung)
eng-credit-share-only = { $percent }% der Vergütung
eng-credits-terms = { $per_breach }% der Monatsvergütung je SLA-Verstoß, höchstens { $cap }% im Monat
eng-at-risk-terms = { $percent }% der Monatsvergütung im Risiko ({ $amount } im Monat), verteilt auf die unterschrittenen Kennzahlen nach ihrem Anteil{ $earn_back }
eng-at-risk-earn-back = ; der Anteil einer Kennzahl wird zurückgewonnen, wenn sie in jedem der nächsten { $months } Monate den Zielwert erreicht
eng-at-risk-default = { $name } ({ $percent }%)
eng-at-risk-capped = auf den Risikobetrag begrenzt

## Eskalationen

eng-ladder-caption = Eskalationsstufen, niedrigste zuerst
eng-level = Stufe
eng-who = Wer
eng-time-box = Frist
eng-escalations-caption = Eskalationen, die jüngste zuerst
eng-escalation = Eskalation
eng-opened = Eröffnet
eng-time-box-ends = Frist endet
eng-state = Stand
eng-open-for = Offen seit
eng-escalations-none = Keine Eskalation.
eng-escalations-summary = { $open } offen, { $past } über der Frist
eng-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tage
}
eng-no-time-box = keine Frist
eng-ended-on = am { $date }
eng-past-time-box = Frist überschritten: { $next }
eng-escalation-open = offen
eng-escalation-raised = hochgestuft
eng-escalation-resolved = gelöst
eng-rca-written-late = keine Ursachenanalyse: verspätet erstellt, am { $date } (fällig { $due })
eng-rca-due = fällig { $due }
eng-rca-missing = keine Ursachenanalyse (fällig { $due })

## Auslastung, Rhythmus, Feedback und Vertrauen

eng-workload-title = Auslastung gegenüber Kapazität
eng-workload-summary = Vertragliche Kapazität { $capacity } im Monat; Monate mit mehr als { $limit } darüber werden markiert. Wert <strong>{ $score }</strong>.
eng-workload-caption = Geleistete Stunden nach Monat
eng-worked = Geleistet
eng-overtime = Überstunden
eng-overtime-requested = Überstunden angefordert
eng-requested = Angefordert
eng-flag = Hinweis
eng-in-progress = laufend
eng-over-the-limit = über der Grenze
eng-workload-none = Keine vertragliche Kapazität: Die Auslastung wird nicht bewertet.
eng-hours = { $hours } h
eng-cadence-title = Kommunikationsrhythmus
eng-check-ins-90 = Abstimmungen, letzte 90 Tage
eng-check-ins-held = { $held } von { $expected } erwarteten gehalten
eng-last-check-in = Letzte Abstimmung
eng-longest-gap = Längste Lücke, 365 Tage
eng-review = Review
eng-overdue = überfällig
eng-cadence-none = Kein Rhythmus vereinbart: Die Kommunikation wird nicht bewertet.
eng-no-review-cadence = kein Review-Rhythmus vereinbart
eng-last-check-in-value = { $date } (vor { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
})
eng-none = keine
eng-no-gap = keine in 365 Tagen
eng-gap-value = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} ({ $from } bis { $to })
eng-gap-value-open = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} ({ $from } bis { $to }, noch offen)
eng-feedback-title = Feedback in beide Richtungen
eng-feedback-summary = { $count ->
    [one] 1 Rückmeldung
   *[other] { $count } Rückmeldungen
} im Zeitraum { $window }. Anteil des Kunden { $share }, Verhältnis { $balance }
eng-one-sided = einseitig
eng-score-sentence = Wert <strong>{ $score }</strong>.
eng-feedback-caption = Feedback nach Seite und Art
eng-from = Von
eng-feedback-praise = Lob
eng-feedback-concern = Bedenken
eng-feedback-suggestion = Vorschlag
eng-total = Gesamt
eng-what-was-said = Was gesagt wurde
eng-feedback-none = Kein Feedback im Zeitraum { $window }.
eng-window = { $first } bis { $last }
eng-trust-title = Vertrauen und Wahrnehmungslücke
eng-trust-summary = Letzte Umfrage { $month }. Mittlere Lücke { $gap } (eine Lücke ab { $limit } wird markiert).
eng-survey-none = Noch keine Umfrage.
eng-survey-caption = Umfrage { $month }: Kunde und Dienstleister, 1 bis 5
eng-survey-caption-spread = (Mittelwert und niedrigste–höchste Antwort)
eng-dimension = Dimension
eng-client-spread = Kunde niedrigste–höchste
eng-provider-spread = Dienstleister niedrigste–höchste
eng-perception-gap = Wahrnehmungslücke
eng-respondents-caption = Wer an der Umfrage { $month } teilnahm
eng-side = Seite
eng-answered = Geantwortet
eng-nps = NPS
eng-answers-not-shown = { $answered }: Antworten nicht gezeigt
eng-comments-from = Kommentare: { $side }
eng-comments-order = (alphabetisch, ohne Namen und Rollen)
eng-one-agreed-answer = eine abgestimmte Antwort
eng-fewer-responses = weniger als { $floor } Antworten
eng-responses = { $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
}
eng-nps-value = { $nps } ({ $count ->
    [one] 1 Antwort
   *[other] { $count } Antworten
})
eng-no-nps-answer = keine NPS-Antwort

## Risiken, Ziele, Pflichten, Maßnahmen, Notizen und Quartalsberichte

eng-risks-summary = { $open } offen, Risikosumme { $exposure } (Wert { $score }).
eng-risks-caption = Risikoregister, nach Risikosumme
eng-engagement = Geschäftsbeziehung
eng-risk = Risiko
eng-owner = Zuständig
eng-l-x-i = W × A
eng-rating = Einstufung
eng-mitigation = Gegenmaßnahme
eng-due = Fällig
eng-goals-title = Ziele, Erwartungen und Meilensteine
eng-goals = Ziele
eng-goal = Ziel
eng-mutual = Gemeinsam
eng-yes = ja
eng-no = nein
eng-no-mutual-goals = keine gemeinsamen Ziele
eng-mutual-share = { $percent } der gemeinsamen Ziele im Plan oder erreicht ({ $on_track } von { $mutual })
eng-expectations = Erwartungen
eng-set-by = gesetzt von: { $side }
eng-agreed = vereinbart
eng-not-agreed = nicht vereinbart
eng-internal = intern
eng-milestones = Meilensteine
eng-celebrated = gefeiert
eng-not-celebrated = noch nicht gefeiert
eng-celebration-nudge = Seit 6 Monaten kein Erfolg gefeiert.
eng-obligations-title = Pflichten beider Seiten
eng-obligations-score = Pflichtenwert <strong>{ $score }</strong>.
eng-obligations-of-side = Pflichten von { $name }
eng-count-overdue = { $count } überfällig
eng-obligations-caption = Pflichten von { $name }
eng-obligation = Pflicht
eng-recurs = Wiederholung
eng-last-12-months = Letzte 12 Monate
eng-overdue-heading = Überfällig
eng-next-due = Nächste Fälligkeit
eng-instances-summary = Alle Termine der Pflichten von { $name } ({ $count }), der jüngste zuerst
eng-instances-caption = Termine der Pflichten von { $name }
eng-by = Durch
eng-waived-reason = Erlassen: { $reason }
eng-obligations-none-of = Für { $name } sind keine Pflichten erfasst.
eng-obligations-none = Keine Pflichten erfasst: Tragen Sie <code>obligations:</code> in engagement.yaml ein, um die wiederkehrenden Pflichten beider Seiten zu verfolgen.
eng-side-record = { $on_time } von { $judged } pünktlich ({ $percent }){ $waived }
eng-side-nothing-due = nichts Fälliges zu bewerten{ $waived }
eng-side-waived = , { $count } erlassen
eng-on-time = { $on_time } von { $judged } pünktlich
eng-grace-days = { $every }, { $days ->
    [one] 1 Tag Kulanz
   *[other] { $days } Tage Kulanz
}
eng-actions-summary = { $open } offen, { $overdue } überfällig, { $closed } in den letzten 90 Tagen erledigt.
eng-actions-open-caption = Offene Maßnahmen aus den Notizen
eng-actions-closed-summary = { $count ->
    [one] 1 erledigte Maßnahme in den letzten 90 Tagen
   *[other] { $count } erledigte Maßnahmen in den letzten 90 Tagen
}
eng-actions-closed-caption = In den letzten 90 Tagen erledigte Maßnahmen, die jüngste zuerst
eng-action = Maßnahme
eng-action-open = Offen
eng-action-overdue = Überfällig
eng-action-overdue-by = { $days ->
    [one] 1 Tag überfällig
   *[other] { $days } Tage überfällig
}
eng-action-closed-recently = Kürzlich erledigt
eng-action-closed = Erledigt
eng-note-actions = { $count ->
    [one] 1 Maßnahme
   *[other] { $count } Maßnahmen
}
eng-reviews-title = Quartalsberichte
eng-reviews-intro = Ein druckbarer Bericht je abgeschlossenem Quartal mit Daten: Scorecard, Diagramme, SLA-Verstöße und Gutschriften, Erfolge und Meilensteine, Umfrage und offene Maßnahmen dieses Quartals.
eng-review-pack = Quartalsbericht { $label }
eng-reviews-none = Noch kein abgeschlossenes Quartal mit Daten.
eng-data-table = Datentabelle

## Die Seite einer Notiz

eng-date = Datum
eng-kind = Art
eng-attendees = Teilnehmende
eng-audience = Zielgruppe
eng-note-actions-title = Maßnahmen dieser Notiz
eng-note-actions-caption = In dieser Notiz vereinbarte Maßnahmen, mit Stand vom { $date }
eng-note-every-action = Alle Maßnahmen von { $name }
eng-note-its-notes = ihre Notizen
eng-note-portfolio-actions = offene Maßnahmen des Portfolios
eng-note-no-actions = Keine Maßnahme in dieser Notiz.
eng-note-other-notes = Weitere Notizen von { $name }
eng-note-pager-label = Weitere Notizen dieser Geschäftsbeziehung
eng-note-earlier = Frühere Notiz · { $date }
eng-note-later = Spätere Notiz · { $date }

## Wörter für die Werte der Daten (src/render/labels.rs)

eng-phase-prospecting = Anbahnung
eng-phase-transition = Transition
eng-phase-steady = Regelbetrieb
eng-phase-mature = Etabliert
eng-phase-renewal = Verlängerung
eng-phase-exit = Ausstieg
eng-note-kind-check-in = Abstimmung
eng-note-kind-review = Review
eng-note-kind-escalation = Eskalation
eng-note-kind-workshop = Workshop
eng-note-kind-celebration = Feier
eng-note-kind-note = Notiz
eng-audience-internal = Intern
eng-audience-shared = Geteilt
eng-side-client = Kunde
eng-side-provider = Dienstleister
eng-side-client-lower = Kunde
eng-side-provider-lower = Dienstleister
eng-direction-higher = höher ist besser
eng-direction-lower = niedriger ist besser
eng-goal-on-track = Im Plan
eng-goal-at-risk = Gefährdet
eng-goal-off-track = Nicht im Plan
eng-goal-done = Erreicht
eng-goal-dropped = Verworfen
eng-feedback-kind-praise = Lob
eng-feedback-kind-concern = Bedenken
eng-feedback-kind-suggestion = Vorschlag
eng-risk-owner-client = Kunde
eng-risk-owner-provider = Dienstleister
eng-risk-owner-both = Beide
eng-risk-status-open = Offen
eng-risk-status-mitigating = In Minderung
eng-risk-status-closed = Geschlossen
eng-kpi-breach = SLA verfehlt
eng-kpi-on-target = im Ziel
eng-kpi-near-target = knapp am Ziel
eng-kpi-off-target = nicht im Ziel
eng-trend-improving = verbessert sich
eng-trend-flat = stabil
eng-trend-declining = verschlechtert sich
eng-rating-low = niedrig
eng-rating-medium = mittel
eng-rating-high = hoch
eng-rating-critical = kritisch
eng-instance-due-soon = bald fällig
eng-instance-upcoming = anstehend
eng-instance-fulfilled-late = verspätet erfüllt
eng-instance-fulfilled = erfüllt
eng-instance-waived = erlassen
eng-component-performance = Leistung
eng-component-workload = Realistische Auslastung
eng-component-communication = Gesprächsrhythmus
eng-component-feedback = Feedback in beide Richtungen
eng-component-trust = Vertrauen
eng-component-risk = Risiko
eng-component-obligations = Pflichten
eng-every-month = monatlich
eng-every-quarter = quartalsweise
eng-every-year = jährlich
eng-gap = Lücke
eng-sign-off-provisional = vorläufig
eng-sign-off-disputed = bestritten
eng-dimension-trust = Vertrauen
eng-dimension-communication = Kommunikation
eng-dimension-collaboration = Zusammenarbeit
eng-dimension-respect = Respekt
eng-dimension-goals = Ziele
eng-risk-map-title = Offene Risiken nach Wahrscheinlichkeit und Auswirkung
