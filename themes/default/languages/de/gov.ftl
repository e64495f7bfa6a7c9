# Governance und Handlungsbedarf: die Sätze der Analyse für die Liste des
# Handlungsbedarfs, Termine, Pflichten, Eskalationen, Ursachenanalysen,
# Freigaben, Risiken, die Zusammenfassung der Review-Unterlage und den
# Digest (docs/languages.md).

## Handlungsbedarf

gov-attention-chronic = Chronische Nichterfüllung bei { $kpi }: Mindestverstöße im { $months_named }; das vertragliche Kündigungsrecht greift
gov-attention-chronic-one-more = Ein weiterer Mindestverstoß bei { $kpi } vor { $before_named } begründet ein Kündigungsrecht (Mindestverstöße im { $months_named })
gov-attention-risk-overdue = Risikominderung überfällig seit { $due }: { $title } (Risiko { $rating }, { $status })
gov-attention-goal-overdue = Ziel überfällig seit { $due }: { $title } ({ $status })
gov-attention-watermelon = Außen grün, innen rot: Die Kennzahlen sehen gut aus, die Umfrage vom { $month_named } nicht ({ $brief })
gov-attention-relief = Entlastung für { $kpi } im { $month_named } beansprucht, nicht von beiden Seiten vereinbart
gov-attention-escalation = Eskalation seit { $end } über ihrem Zeitrahmen: { $title }, auf { $level }; { $next }
gov-attention-root-cause = Keine Ursachenanalyse zum Verstoß bei { $kpi } im { $month_named }, fällig am { $due }
gov-attention-notice-passed = Kündigungsfrist seit { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    } abgelaufen, am { $deadline }; der Vertrag endet am { $end }
gov-attention-notice-today = Kündigungsfrist endet heute, am { $deadline }
gov-attention-notice-in = Kündigungsfrist endet in { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    }, am { $deadline }
gov-attention-action-overdue = Maßnahme überfällig seit { $due }: { $action }
gov-attention-actions-overdue = { $count } Maßnahmen überfällig, die älteste seit { $due }: { $action }
gov-attention-last-on = der letzte am { $date }
gov-attention-none-yet = noch keiner
gov-attention-none-since-start = keiner seit Beginn
gov-attention-check-ins-missed = Abstimmungstermine ausgefallen: { $held } von { $expected } erwarteten in den letzten { $days } Tagen gehalten, { $last }
gov-attention-review-overdue = Überprüfungstermin überfällig seit { $due }: { $last }, vereinbart alle { $every } Tage
gov-attention-review-today = Überprüfungstermin heute fällig, am { $due } ({ $last })
gov-attention-review-in = Überprüfungstermin fällig in { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    }, am { $due } ({ $last })

gov-attention-obligation-overdue = Pflicht überfällig seit { $due }: { $title }, geschuldet von { $owner }{ $times ->
        [one] {""}
       *[other] , { $times }-mal
    }

## Risikostufen im Satz

gov-rating-low = niedrig
gov-rating-medium = mittel
gov-rating-high = hoch
gov-rating-critical = kritisch

## Eskalationen

gov-level = Stufe { $level }
gov-level-named = Stufe { $level } ({ $name })
gov-next-raise = an { $name } eskalieren
gov-next-top = bereits auf der höchsten Stufe

## Verbindungsstücke

gov-plain = { $text }
gov-join-space = { $a } { $b }
gov-join-semicolon = { $a }; { $b }
gov-sentence = { $text }.

## Zusammenfassung der Review-Unterlage: wichtigste Themen, Erfolge, Entscheidungen

gov-review-sla-row = { $name }: { $said }.
gov-review-missed-target = Zielwert { $target } verfehlt im { $months_named }
gov-review-missed-minimum-of = Mindestwert { $minimum } unterschritten (Mindestverstoß) im { $months_named }
gov-review-missed-minimum = Mindestwert unterschritten (Mindestverstoß) im { $months_named }
gov-review-credits = Gutschriften des Quartals: { $amount }.
gov-review-credits-share = Gutschriften des Quartals: { $share } % der Monatsgebühr.
gov-review-sla-title = { $missed } von { $count ->
        [one] einem SLA
       *[other] { $count } SLAs
    } im Quartal verfehlt
gov-review-chronic = { $kpi }: chronische Nichterfüllung (Mindestverstöße im { $months_named }), das Kündigungsrecht des Kunden greift
gov-review-one-more-default = { $kpi }: ein weiterer Mindestverstoß vor { $before_named } begründet ein Kündigungsrecht (Mindestverstöße im { $months_named })
gov-review-termination-near = Ein Mindestverstoß von einem Kündigungsrecht entfernt
gov-review-termination-applies = Chronische Nichterfüllung: ein Kündigungsrecht greift
gov-review-risk-title = Risiko: { $title }
gov-review-risk-detail = Bewertet als { $rating } (Wahrscheinlichkeit { $likelihood } × Auswirkung { $impact } = { $score }), { $status }{ $mitigation }{ $due }{ $more }.
gov-review-risk-mitigation = : { $text }
gov-review-risk-due = {" "}(fällig am { $due })
gov-review-risk-due-overdue = {" "}(fällig am { $due }, überfällig)
gov-review-risk-more = ; { $count ->
        [one] ein weiteres
       *[other] { $count } weitere
    } als hoch oder kritisch bewertet
gov-review-action-due = { $text }, fällig am { $due }
gov-review-more = { $count } weitere
gov-review-actions-title = { $count ->
        [one] 1 Maßnahme
       *[other] { $count } Maßnahmen
    } überfällig
gov-review-every-month = in jedem Monat des Quartals
gov-review-each-judged = { $count ->
        [one] im einzigen bewerteten Monat
       *[other] in jedem der { $count } bewerteten Monate
    }
gov-review-win-sla-met = { $kpi }: SLA erfüllt { $months }
gov-review-win-on-target = { $kpi }: Zielwert erreicht { $months }
gov-review-win-milestone = Meilenstein gefeiert am { $date }: { $title }
gov-review-win-goal = Ziel erreicht: { $title }
gov-review-win-celebrated = Gefeiert am { $date }: { $title }
gov-review-win-praise = Lob vom { $side ->
        [client] Kunden
       *[provider] Dienstleister
    } ({ $month_named }): { $text }
gov-review-decide-relief = Beanspruchte Entlastung für { $kpi } im { $month_named } annehmen oder ablehnen: { $reason }
gov-review-decide-notice-passed = Die Kündigungsfrist ist am { $deadline } abgelaufen: vereinbaren, was zum Vertragsende am { $end } geschieht
gov-review-decide-notice = Verlängern, neu verhandeln oder bis { $deadline } kündigen (der Vertrag endet am { $end })
gov-review-value-in = { $value } im { $month_named }
gov-review-at-against = bei { $values_named } gegenüber einem Zielwert von { $target }
gov-review-not-reported-in = nicht gemeldet im { $months_named }
gov-review-decide-client-owes = Was { $client } schuldet: { $kpi_name } { $said }
gov-review-decide-escalation = Eskalation vom { $date } ({ $title }) abschließen: { $count ->
        [one] 1 Maßnahme
       *[other] { $count } Maßnahmen
    } noch offen
gov-review-decide-expectation = Erwartung des { $side ->
        [client] Kunden
       *[provider] Dienstleisters
    } vereinbaren oder verwerfen: { $text }
gov-review-goal-due = fällig am { $due },{" "}
gov-review-decide-goal = Ziel neu planen oder aufgeben: { $title } ({ $due }{ $status })

## Freigabe: neben einem Wert, und die nicht vereinbarten Monate

gov-sign-off-disputed-by = bestritten vom { $side ->
        [client] Kunden
       *[provider] Dienstleister
    }: { $reason }
gov-sign-off-provisional-disputed = vorläufig: der Monat ist bestritten
gov-sign-off-provisional-by = vorläufig: nicht freigegeben vom { $side ->
        [client] Kunden
       *[provider] Dienstleister
    }
gov-sign-off-provisional-by-either = vorläufig: nicht freigegeben vom { $first ->
        [client] Kunden
       *[provider] Dienstleister
    } oder vom { $second ->
        [client] Kunden
       *[provider] Dienstleister
    }
gov-sign-off-not-agreed = Werte für { $month_named } nicht vereinbart vom { $side ->
        [client] Kunden
       *[provider] Dienstleister
    }
gov-sign-off-disputed = Werte für { $month_named } bestritten vom { $side ->
        [client] Kunden
       *[provider] Dienstleister
    }: { $reason }
