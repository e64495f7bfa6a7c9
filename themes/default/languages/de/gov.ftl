# Governance und Handlungsbedarf: die Sätze der Analyse für die Liste des
# Handlungsbedarfs, Termine, Pflichten, Eskalationen, Ursachenanalysen,
# Freigaben, Risiken, die Zusammenfassung der Review-Unterlage und den
# Digest (docs/languages.md).

## Handlungsbedarf

gov-attention-chronic = Chronische Nichterfüllung bei { $kpi }: SLA verfehlt in { $months }; das vertragliche Kündigungsrecht greift
gov-attention-chronic-one-more = Ein weiterer Verstoß bei { $kpi } vor { $before } begründet ein Kündigungsrecht (SLA verfehlt in { $months })
gov-attention-risk-overdue = Risikominderung überfällig seit { $due }: { $title } (Risiko { $rating }, { $status })
gov-attention-goal-overdue = Ziel überfällig seit { $due }: { $title } ({ $status })
gov-attention-watermelon = Außen grün, innen rot: Die Kennzahlen sehen gut aus, die Umfrage von { $month } nicht ({ $brief })
gov-attention-relief = Entlastung für { $kpi } in { $month } beansprucht, nicht von beiden Seiten vereinbart
gov-attention-escalation = Eskalation seit { $end } über ihrem Zeitrahmen: { $title }, auf { $level }; { $next }
gov-attention-root-cause = Keine Ursachenanalyse zum Verstoß bei { $kpi } in { $month }, fällig am { $due }
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
