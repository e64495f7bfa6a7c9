# Hinweise, ihre Belege und die Gründe der Health-Aufschlüsselung: die Sätze,
# die die Analyse bestimmt (docs/languages.md).

## Gemeinsame Satzteile

# Im Dativ, nach „in“ oder „von“: in den letzten 3 Monaten (August bis Oktober 2026)
flag-last-months = { $count ->
    [one] dem letzten Monat ({ $span })
   *[other] den letzten { $count } Monaten ({ $span })
}
flag-then = { $first } { $rest }
flag-semicolon = { $first }; { $rest }
flag-sentence = { $text }.
flag-nothing = nichts
flag-one-point = 1 Punkt
flag-points = { $points } Punkte
flag-side-client = Kunde
flag-side-provider = Dienstleister
flag-every-month = monatlich
flag-every-quarter = quartalsweise
flag-every-year = jährlich
flag-frequency-weekly = wöchentlich
flag-frequency-biweekly = alle zwei Wochen
flag-frequency-monthly = monatlich
flag-frequency-quarterly = quartalsweise
flag-goal-on-track = im Plan
flag-goal-at-risk = gefährdet
flag-goal-off-track = nicht im Plan
flag-goal-done = erledigt
flag-goal-dropped = aufgegeben
flag-risk-still-open = noch offen
flag-risk-still-mitigating = noch in Behandlung
flag-risk-closed = geschlossen

## SLA-Verstöße, Ausfälle und chronisches Versagen

flag-sla-breach = { $party } hat das SLA für { $kpi } im { $months } verfehlt
flag-value-against = { $value } (bei Zielwert { $target })
flag-sla-breach-evidence = { $values }, bei einem Zielwert von { $target }.
flag-sla-breach-evidence-default = { $values }, bei einem Zielwert von { $target }; unter dem Mindestwert von { $minimum } (ein Ausfall).
flag-sla-breach-evidence-defaults-every-month = { $values }, bei einem Zielwert von { $target }; in jedem Monat unter dem Mindestwert von { $minimum } (Ausfälle).
flag-sla-breach-evidence-default-in = { $values }, bei einem Zielwert von { $target }; im { $defaults } unter dem Mindestwert von { $minimum } (ein Ausfall).
flag-sla-breach-evidence-defaults-in = { $values }, bei einem Zielwert von { $target }; im { $defaults } unter dem Mindestwert von { $minimum } (Ausfälle).
flag-relief-not-agreed = Entlastung für { $kpi } im { $month } beansprucht, aber nicht vereinbart
flag-relief-not-agreed-evidence = { $reason } Solange nicht beide Seiten zustimmen, zählt der Monat wie jeder andere.
flag-chronic = Chronisches Versagen: { $kpi } ist zu oft ausgefallen
flag-chronic-evidence = Ausfälle im { $months }; damit greift das vertragliche Kündigungsrecht bei chronischem Versagen.
flag-chronic-near = { $kpi } ist einen Ausfall vom chronischen Versagen entfernt
flag-chronic-near-evidence = Ausfälle im { $months }; ein weiterer Ausfall vor { $month } begründet das vertragliche Kündigungsrecht bei chronischem Versagen.
flag-rca-missing = Keine Ursachenanalyse von { $party } für { $count ->
    [one] den Verstoß
   *[other] die Verstöße
} bei { $kpi } im { $months }
flag-rca-due = { $due }
flag-rca-due-for = { $due } für { $month }
flag-rca-due-late = { $due } (verspätet geschrieben, am { $written })
flag-rca-due-for-late = { $due } für { $month } (verspätet geschrieben, am { $written })
flag-rca-missing-evidence = { $count ->
    [one] Eine Ursachenanalyse war bis zum { $dues } fällig, { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } nach Monatsende; keine Notiz nennt den Verstoß in ihrem `rca:`.
   *[other] Ursachenanalysen waren bis zum { $dues } fällig, { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } nach Monatsende; keine Notiz nennt die Verstöße in ihrem `rca:`.
}
flag-rca-missing-evidence-late = { $count ->
    [one] Eine Ursachenanalyse war
   *[other] Ursachenanalysen waren
} bis zum { $dues } fällig, { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} nach Monatsende; eine spätere Notiz zählt nicht.

## Gutschriften

flag-service-credits = Gutschriften von { $share } der Monatsgebühr sind für die letzten 12 Monate fällig
flag-service-credits-amount = Gutschriften von { $share } der Monatsgebühr ({ $amount }) sind für die letzten 12 Monate fällig
flag-service-credits-evidence = Für die Verstöße: { $months }.
flag-credits-accrued = Gutschriften von { $amount } in den letzten 12 Monaten aufgelaufen
flag-credits-accrued-evidence = Davon sind { $payable } zahlbar, { $pending } noch zurückzuverdienen und { $earned } bereits zurückverdient. Nach Monaten: { $months }.

## Abnahme der Zahlen

flag-every-figure = Alle Zahlen
flag-figures-disputed = Zahlen für { $month } { $side ->
    [client] vom Kunden
   *[provider] vom Dienstleister
} bestritten: { $reason }
flag-figures-disputed-evidence = { $kpis } am { $date } bestritten; offen, bis { $side ->
    [client] der Kunde
   *[provider] der Dienstleister
} den Monat erneut abnimmt
flag-figures-not-agreed = Zahlen für { $month } { $side ->
    [client] vom Kunden
   *[provider] vom Dienstleister
} nicht abgenommen
flag-figures-not-agreed-evidence = Keine Abnahme { $side ->
    [client] durch den Kunden
   *[provider] durch den Dienstleister
} bis zum { $due }, { $days } Tage nach Monatsende

## Kündigungsfrist

flag-notice = Die Kündigungsfrist zur Verlängerung endet { $when }, am { $date }
flag-notice-passed = Die Kündigungsfrist zur Verlängerung vom { $date } ist { $when }
flag-notice-evidence = Der Vertrag endet am { $end }; die Kündigung oder Verlängerung ist { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} vorher fällig.
flag-notice-in-days = in { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
}
flag-notice-today = heute
flag-notice-days-ago = seit { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} abgelaufen
flag-notice-state-clear = Kündigungsfrist voraus
flag-notice-state-near = Kündigungsfrist naht
flag-notice-state-past = Kündigungsfrist abgelaufen
flag-notice-state-ended = Vertrag beendet
flag-notice-state-none = keine Kündigungsfrist

## Risiken, Eskalationen, Pflichten, Ziele und Maßnahmen

flag-critical-risk = Kritisches Risiko: { $title }
flag-risk-scored = Wahrscheinlichkeit { $likelihood } × Auswirkung { $impact } = { $score }, { $status }
flag-critical-risk-evidence = { $scored }.
flag-critical-risk-overdue-evidence = { $scored }; die Gegenmaßnahme war am { $due } fällig.
flag-risk-overdue = Die Gegenmaßnahme für { $title } ist seit dem { $due } überfällig
flag-risk-overdue-evidence = { $scored }: { $rating }.
flag-risk-rated-low = ein geringes Risiko
flag-risk-rated-medium = ein mittleres Risiko
flag-risk-rated-high = ein hohes Risiko
flag-risk-rated-critical = ein kritisches Risiko
flag-escalation-past-time-box = Frist der Eskalation „{ $title }“ überschritten: { $next }
flag-escalation-raise-to = an { $name } eskalieren
flag-escalation-top = an der Spitze der Eskalationsleiter
flag-escalation-level = Stufe { $level }
flag-escalation-level-named = Stufe { $level } ({ $name })
flag-escalation-past-time-box-evidence = Eröffnet am { $opened } auf { $level } mit einer Frist von { $time_box ->
    [one] 1 Tag
   *[other] { $time_box } Tagen
}; die Frist endete am { $ended }, die Eskalation ist seit { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} offen.
flag-obligation-overdue = { $party } hat „{ $title }“ nicht geliefert, fällig am { $due }
flag-obligation-overdue-times = { $party } hat „{ $title }“ { $count }-mal nicht geliefert, seit { $due }
flag-obligation-overdue-evidence = { $party } ({ $side }) schuldet dies { $every }. Fällig am { $dues }; keine Notiz erfüllt { $count ->
    [one] die Pflicht oder verzichtet darauf
   *[other] die Pflichten oder verzichtet darauf
}.
flag-obligation-overdue-evidence-grace = { $party } ({ $side }) schuldet dies { $every }. Fällig am { $dues } (mit { $grace ->
    [one] 1 Tag
   *[other] { $grace } Tagen
} Karenz); keine Notiz erfüllt { $count ->
    [one] die Pflicht oder verzichtet darauf
   *[other] die Pflichten oder verzichtet darauf
}.
flag-goal-overdue = Das Ziel „{ $title }“ ist überfällig
flag-goal-overdue-evidence = Es war am { $due } fällig und ist { $status }.
flag-actions-overdue = { $count ->
    [one] 1 Maßnahme ist
   *[other] { $count } Maßnahmen sind
} überfällig
flag-action-item = „{ $text }“, fällig am { $due } ({ $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} überfällig), aus { $note }
flag-actions-more = und { $count } weitere

## Die Zusammenarbeit

flag-overtime = Überstunden über der Grenze von { $limit } im { $months }
flag-overtime-evidence = Arbeitsstunden über der vertraglichen Kapazität: { $months }.
flag-expectations = { $count ->
    [one] 1 Erwartung ist
   *[other] { $count } Erwartungen sind
} nicht von beiden Seiten vereinbart
flag-expectation-item = „{ $text }“, gesetzt von { $party }
flag-review-overdue = Das Review ist überfällig
flag-review-last = das letzte Review war am { $date }, vor { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
}; vereinbart ist eines alle { $interval } Tage
flag-review-last-sentence = Das letzte Review war am { $date }, vor { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
}; vereinbart ist eines alle { $interval } Tage.
flag-review-none = in den { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} seit Beginn fand kein Review statt; vereinbart ist eines alle { $interval } Tage
flag-review-none-sentence = In den { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} seit Beginn fand kein Review statt; vereinbart ist eines alle { $interval } Tage.
flag-check-in-one-not-held = Das eine erwartete Abstimmungsgespräch der letzten { $days } Tage fand nicht statt
flag-check-ins-none-held = Keines der { $expected } erwarteten Abstimmungsgespräche der letzten { $days } Tage fand statt
flag-check-in-one-held = Das eine erwartete Abstimmungsgespräch der letzten { $days } Tage fand statt
flag-check-ins-all-held = Alle { $expected } erwarteten Abstimmungsgespräche der letzten { $days } Tage fanden statt
flag-check-ins-more-held = In den letzten { $days } Tagen fanden { $held } Abstimmungsgespräche statt, erwartet waren { $expected }
flag-check-ins-some-held = { $held } der { $expected } erwarteten Abstimmungsgespräche der letzten { $days } Tage fanden statt
flag-check-ins-only-held = Nur { $held } der { $expected } erwarteten Abstimmungsgespräche der letzten { $days } Tage fanden statt
flag-check-ins-agreed = Abstimmungsgespräche sind { $frequency } vereinbart. Das letzte war am { $date }.
flag-check-ins-agreed-none = Abstimmungsgespräche sind { $frequency } vereinbart. Bisher fand keines statt.
flag-feedback-none = Einseitiges Feedback: { $party } gab in den letzten { $months } Monaten keines
flag-feedback-most = Einseitiges Feedback: das meiste kam von { $party }
flag-perception = Die beiden Seiten bewerten { $dimensions } unterschiedlich
flag-perception-evidence = In der Umfrage vom { $month } weichen die Antworten der beiden Seiten um { $gaps } voneinander ab.
flag-watermelon = Außen grün, innen rot: die Kennzahlen sehen gut aus, die Zusammenarbeit nicht
flag-watermelon-low-trust = der Vertrauenswert liegt bei { $score } (unter { $limit })
flag-watermelon-nps = der NPS von { $party } liegt bei { $nps }
flag-watermelon-fall = der Vertrauenswert fiel von { $before } im { $month } auf { $now } (um { $fall })
flag-watermelon-evidence = Der Leistungswert liegt bei { $performance } ({ $green } oder mehr), doch die Umfrage vom { $month } zeigt: { $parts }.
flag-no-celebration = Seit 6 Monaten kein Erfolg gefeiert
flag-no-celebration-evidence = Zwischen dem { $from } und dem { $until } wurde kein Meilenstein gefeiert.
flag-no-celebration-evidence-uncelebrated = Zwischen dem { $from } und dem { $until } wurde kein Meilenstein gefeiert. { $count ->
    [one] 1 Meilenstein wurde
   *[other] { $count } Meilensteine wurden
} erreicht, aber nicht gefeiert.

## Gründe der Health-Aufschlüsselung

flag-component-performance = Leistung
flag-component-workload = realistische Auslastung
flag-component-communication = Abstimmungsrhythmus
flag-component-feedback = beidseitiges Feedback
flag-component-trust = Vertrauen
flag-component-risk = Risiko
flag-component-obligations = Pflichten
flag-health-left-out = { $count ->
    [one] Keine Daten für { $components }; der Bereich bleibt außen vor, die übrigen Gewichte werden auf 100% hochgerechnet.
   *[other] Keine Daten für { $components }; diese Bereiche bleiben außen vor, die übrigen Gewichte werden auf 100% hochgerechnet.
}
flag-kpi-none-defined = Es sind keine Kennzahlen definiert.
flag-kpi-none-reported = In { $months } wurde keine Kennzahl gemeldet.
flag-kpi-all-met = Alle monatlichen Kennzahlergebnisse in { $months } erreichten ihren Zielwert ({ $met } von { $count }).
flag-kpi-all-missed = Alle monatlichen Kennzahlergebnisse in { $months } verfehlten ihren Zielwert ({ $missed } von { $count }).
flag-kpi-results = Von { $count ->
    [one] 1 monatlichen Kennzahlergebnis
   *[other] { $count } monatlichen Kennzahlergebnissen
} in { $months }: { $parts }.
flag-kpi-met = { $count ->
    [one] 1 erreichte den Zielwert
   *[other] { $count } erreichten den Zielwert
}
flag-kpi-missed-within = { $count ->
    [one] 1 verfehlte ihn innerhalb der Warnschwelle (halbe Punkte)
   *[other] { $count } verfehlten ihn innerhalb der Warnschwelle (halbe Punkte)
}
flag-kpi-missed = { $count ->
    [one] 1 verfehlte ihn
   *[other] { $count } verfehlten ihn
}
flag-kpi-two-way = Die Kennzahlen von { $provider } erzielen { $provider_score }, die Kennzahlen von { $client } { $client_score }.
flag-kpi-missed-value = { $kpi } { $value } (Zielwert { $target })
flag-sla-one-met = Die SLA-Kennzahl erreichte im { $month } ihren Zielwert.
flag-sla-both-met = Beide SLA-Kennzahlen erreichten im { $month } ihren Zielwert.
flag-sla-all-met = Alle { $count } SLA-Kennzahlen erreichten im { $month } ihren Zielwert.
flag-sla-one-missed = Die SLA-Kennzahl verfehlte im { $month } ihren Zielwert: { $kpis }.
flag-sla-both-missed = Beide SLA-Kennzahlen verfehlten im { $month } ihren Zielwert: { $kpis }.
flag-sla-all-missed = Alle { $count } SLA-Kennzahlen verfehlten im { $month } ihren Zielwert: { $kpis }.
flag-sla-some-missed = { $missed } von { $count } SLA-Kennzahlen verfehlten im { $month } ihren Zielwert: { $kpis }.
flag-workload-no-capacity = Keine vertragliche Kapazität festgelegt (capacity.hours_per_month); die Auslastung wird daher nicht gemessen.
flag-workload-no-hours = In { $months } wurden keine Arbeitsstunden gemeldet.
flag-workload-one-month = im einzigen gemeldeten Monat von { $months }
flag-workload-over = in { $months }
flag-workload-reported = in den { $count ->
    [one] 1 gemeldeten Monat
   *[other] { $count } gemeldeten Monaten
} von { $months }
flag-workload-overtime = Die Überstunden über der vertraglichen Kapazität lagen { $over } im Schnitt bei { $ratio }, bei einer Grenze von { $limit }.
flag-workload-expectations = { $count ->
    [one] 1 Erwartung ist zwischen { $client } und { $provider } nicht vereinbart (−{ $penalty }).
   *[other] { $count } Erwartungen sind zwischen { $client } und { $provider } nicht vereinbart (je −{ $penalty }).
}
flag-cadence-not-agreed = Kein Rhythmus für Abstimmungsgespräche vereinbart (cadence.check_in); die Kommunikation wird daher nicht bewertet.
flag-review-overdue-reason = Das Review ist überfällig: { $wording }.
flag-review-overdue-penalty-reason = Das Review ist überfällig (−{ $penalty }): { $wording }.
flag-feedback-neither = Weder { $client } noch { $provider } gaben in { $months } Feedback.
flag-feedback-all-from = { $quiet } gab in { $months } kein Feedback; { $count ->
    [one] der 1 Beitrag kam
   *[other] alle { $count } Beiträge kamen
} von { $loud }.
flag-feedback-shares = Von { $count ->
    [one] 1 Feedback-Beitrag
   *[other] { $count } Feedback-Beiträgen
} in { $months } kamen { $client_count } von { $client } und { $provider_count } von { $provider }: ein Kundenanteil von { $share }, ausgewogen wären 50%.
flag-feedback-nobody-recently = In den letzten { $months } Monaten gab niemand Feedback; der Wert ist daher 0.
flag-trust-no-survey = Es wurde noch keine Zufriedenheitsumfrage beantwortet.
flag-trust-both-sides = beiden Seiten
flag-trust-side-only = nur { $party }
flag-trust-survey = In der Umfrage vom { $month }, beantwortet von { $sides }, lag die mittlere Antwort bei { $answer } von 5.
flag-trust-below-floor = { $party } gab weniger Antworten als die Datenschutzschwelle; die Antworten bleiben daher außen vor.
flag-trust-same-answers = Beide Seiten gaben auf jede von beiden beantwortete Frage dieselbe Antwort.
flag-trust-gap = Die Antworten der beiden Seiten weichen im Mittel um { $gap } ab (−{ $penalty }).
flag-trust-no-gap = Keine Frage wurde von beiden Seiten beantwortet; es gibt daher keine Wahrnehmungslücke.
flag-trust-differ = Sie weichen um { $gaps } ab.
flag-trust-gaps = { $limit } oder mehr bei { $gaps }
flag-trust-gap-named = { $dimension } ({ $client } { $client_answer }, { $provider } { $provider_answer })
flag-trust-gap-answers = { $dimension } ({ $client_answer } und { $provider_answer })
flag-risk-none-open = Kein Risiko ist offen.
flag-risk-exposure-above = Die Risikoexposition beträgt { $exposure } (Wahrscheinlichkeit × Auswirkung, summiert über { $open ->
    [one] 1 offenes Risiko
   *[other] { $open } offene Risiken
}) und liegt damit über der Schwelle von { $zero }, ab der der Wert 0 ist.
flag-risk-exposure-at = Die Risikoexposition beträgt { $exposure } (Wahrscheinlichkeit × Auswirkung, summiert über { $open ->
    [one] 1 offenes Risiko
   *[other] { $open } offene Risiken
}) und erreicht damit die Schwelle von { $zero }, ab der der Wert 0 ist.
flag-risk-exposure-below = Die Risikoexposition beträgt { $exposure } (Wahrscheinlichkeit × Auswirkung, summiert über { $open ->
    [one] 1 offenes Risiko
   *[other] { $open } offene Risiken
}); bei { $zero } wäre der Wert 0.
flag-risk-critical-item = { $title } ({ $likelihood } × { $impact })
flag-risk-high = { $count ->
    [one] 1 ist als hoch eingestuft
   *[other] { $count } sind als hoch eingestuft
}
flag-risk-of-them = Davon { $high }.
flag-risk-critical-one = Das kritische Risiko ist { $critical }.
flag-risk-critical-one-high = Das kritische Risiko ist { $critical }; { $high }.
flag-risk-critical-many = Die kritischen Risiken sind { $critical }.
flag-risk-critical-many-high = Die kritischen Risiken sind { $critical }; { $high }.
flag-obligations-none = Es sind keine Pflichten erfasst.
flag-obligations-side-none = Für { $party } wurde in { $months } keine Pflicht fällig, die zu bewerten wäre; diese Seite bleibt außen vor.
flag-obligations-side-none-waived = Für { $party } wurde in { $months } keine Pflicht fällig, die zu bewerten wäre ({ $waived ->
    [one] 1 Fälligkeit erlassen
   *[other] { $waived } Fälligkeiten erlassen
}); diese Seite bleibt außen vor.
flag-obligations-late = { $count } verspätet
flag-obligations-still-overdue = { $count } noch überfällig
flag-obligations-side = { $party } erfüllte { $on_time } von { $count ->
    [one] 1 Pflicht
   *[other] { $count } Pflichten
}, die in { $months } fällig waren, pünktlich: { $rate }.
flag-obligations-side-misses = { $party } erfüllte { $on_time } von { $count ->
    [one] 1 Pflicht
   *[other] { $count } Pflichten
}, die in { $months } fällig waren, pünktlich ({ $misses }): { $rate }.
flag-obligations-side-waived = { $party } erfüllte { $on_time } von { $count ->
    [one] 1 Pflicht
   *[other] { $count } Pflichten
}, die in { $months } fällig waren, pünktlich; { $waived ->
    [one] 1 wurde erlassen und bleibt
   *[other] { $waived } wurden erlassen und bleiben
} außen vor: { $rate }.
flag-obligations-side-misses-waived = { $party } erfüllte { $on_time } von { $count ->
    [one] 1 Pflicht
   *[other] { $count } Pflichten
}, die in { $months } fällig waren, pünktlich ({ $misses }); { $waived ->
    [one] 1 wurde erlassen und bleibt
   *[other] { $waived } wurden erlassen und bleiben
} außen vor: { $rate }.
flag-obligations-score = Der Wert ist der Mittelwert der Pünktlichkeitsquoten beider Seiten: { $score }.
flag-obligations-overdue-item = { $title } von { $party } (fällig am { $due })
flag-obligations-overdue = Überfällig: { $items }.
