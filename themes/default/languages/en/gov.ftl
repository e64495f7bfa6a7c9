# Governance and attention: the sentences the analysis writes for the
# attention list, cadence, obligations, escalations, root causes, sign-off,
# risks, the review pack's summary and the digest (docs/languages.md).

## The attention list

# Arguments ending in _named are the same months as a sentence names them,
# for languages that write them out (de).
gov-attention-chronic = Chronic failure of { $kpi }: defaults in { $months }; the contract's termination right applies
gov-attention-chronic-one-more = One more default of { $kpi } before { $before } gives a termination right (defaults in { $months })
gov-attention-risk-overdue = Risk mitigation overdue since { $due }: { $title } ({ $rating } risk, { $status })
gov-attention-goal-overdue = Goal overdue since { $due }: { $title } ({ $status })
gov-attention-watermelon = Green outside, red inside: KPIs look good, the survey of { $month } does not ({ $brief })
gov-attention-relief = Relief claimed for { $kpi } in { $month }, not agreed by both sides
gov-attention-escalation = Escalation past its time box since { $end }: { $title }, at { $level }; { $next }
gov-attention-root-cause = No root cause for the breach of { $kpi } in { $month }, due { $due }
gov-attention-notice-passed = Notice deadline passed { $days ->
        [one] 1 day
       *[other] { $days } days
    } ago, on { $deadline }; the contract ends { $end }
gov-attention-notice-today = Notice deadline is today, { $deadline }
gov-attention-notice-in = Notice deadline in { $days ->
        [one] 1 day
       *[other] { $days } days
    }, on { $deadline }
gov-attention-action-overdue = Action overdue since { $due }: { $action }
gov-attention-actions-overdue = { $count } actions overdue, the oldest since { $due }: { $action }
gov-attention-last-on = the last on { $date }
gov-attention-none-yet = none yet
gov-attention-none-since-start = none since the start
gov-attention-check-ins-missed = Check-ins missed: { $held } of { $expected } expected held in the last { $days } days, { $last }
gov-attention-review-overdue = Review overdue since { $due }: { $last }, every { $every } days agreed
gov-attention-review-today = Review due today, { $due } ({ $last })
gov-attention-review-in = Review due in { $days ->
        [one] 1 day
       *[other] { $days } days
    }, on { $due } ({ $last })

gov-attention-obligation-overdue = Obligation overdue since { $due }: { $title }, owed by { $owner }{ $times ->
        [one] {""}
       *[other] , { $times } times
    }

## Risk ratings in a sentence

gov-rating-low = low
gov-rating-medium = medium
gov-rating-high = high
gov-rating-critical = critical

## Escalations

# level 2 (Account directors)
gov-level = level { $level }
gov-level-named = level { $level } ({ $name })
gov-next-raise = raise to { $name }
gov-next-top = at the top of the ladder

## Pieces the sentences are joined with

# Words from elsewhere (a flag's title), as they are.
gov-plain = { $text }
gov-join-space = { $a } { $b }
gov-join-semicolon = { $a }; { $b }
gov-sentence = { $text }.

## The review pack's summary: top issues, wins, decisions needed

# Arguments `months` and `month` are ISO months (2026-08); `months_named`
# and `month_named` the same months as a sentence names them.
gov-review-sla-row = { $name }: { $said }.
gov-review-missed-target = missed the { $target } target in { $months }
gov-review-missed-minimum-of = missed the { $minimum } minimum (a default) in { $months }
gov-review-missed-minimum = missed the minimum (a default) in { $months }
gov-review-credits = Service credits of the quarter: { $amount }.
gov-review-credits-share = Service credits of the quarter: { $share }% of the monthly fee.
gov-review-sla-title = { $missed } of { $count ->
        [one] 1 SLA
       *[other] { $count } SLAs
    } missed in the quarter
gov-review-chronic = { $kpi }: chronic failure (defaults in { $months }), the client's termination right applies
gov-review-one-more-default = { $kpi }: one more default before { $before } gives a termination right (defaults in { $months })
gov-review-termination-near = One default away from a termination right
gov-review-termination-applies = Chronic failure: a termination right applies
gov-review-risk-title = Risk: { $title }
gov-review-risk-detail = Rated { $rating } (likelihood { $likelihood } × impact { $impact } = { $score }), { $status }{ $mitigation }{ $due }{ $more }.
gov-review-risk-mitigation = : { $text }
gov-review-risk-due = {" "}(due { $due })
gov-review-risk-due-overdue = {" "}(due { $due }, overdue)
gov-review-risk-more = ; { $count } more rated high or critical
gov-review-action-due = { $text }, due { $due }
gov-review-more = { $count } more
gov-review-actions-title = { $count ->
        [one] 1 action
       *[other] { $count } actions
    } overdue
gov-review-every-month = every month of the quarter
gov-review-each-judged = each of the { $count ->
        [one] 1 month
       *[other] { $count } months
    } judged
gov-review-win-sla-met = { $kpi }: SLA met in { $months }
gov-review-win-on-target = { $kpi }: on target in { $months }
gov-review-win-milestone = Milestone celebrated on { $date }: { $title }
gov-review-win-goal = Goal done: { $title }
gov-review-win-celebrated = Celebrated on { $date }: { $title }
# `side` is `client` or `provider` (the words of words::side).
gov-review-win-praise = Praise from the { $side } ({ $month }): { $text }
gov-review-decide-relief = Agree or reject the relief claimed for { $kpi } in { $month }: { $reason }
gov-review-decide-notice-passed = The notice deadline passed on { $deadline }: agree what happens when the contract ends on { $end }
gov-review-decide-notice = Renew, renegotiate or give notice by { $deadline } (the contract ends on { $end })
gov-review-value-in = { $value } in { $month }
gov-review-at-against = at { $values } against a target of { $target }
gov-review-not-reported-in = not reported in { $months }
# `kpi` is the KPI's name lower-cased where English reads it so; `kpi_name` as written.
gov-review-decide-client-owes = What { $client } owes: { $kpi } { $said }
gov-review-decide-escalation = Close the escalation of { $date } ({ $title }): { $count ->
        [one] 1 action
       *[other] { $count } actions
    } still open
gov-review-decide-expectation = Agree or drop the { $side }'s expectation: { $text }
gov-review-goal-due = due { $due },{" "}
gov-review-decide-goal = Re-plan or drop the goal: { $title } ({ $due }{ $status })

## Sign-off: beside a figure, and the months not agreed

# `side` is `client` or `provider`.
gov-sign-off-disputed-by = disputed by the { $side ->
        [client] client
       *[provider] provider
    }: { $reason }
gov-sign-off-provisional-disputed = provisional: the month is disputed
gov-sign-off-provisional-by = provisional: not signed off by the { $side ->
        [client] client
       *[provider] provider
    }
gov-sign-off-provisional-by-either = provisional: not signed off by the { $first ->
        [client] client
       *[provider] provider
    } or the { $second ->
        [client] client
       *[provider] provider
    }
gov-sign-off-not-agreed = figures of { $month } not agreed by the { $side ->
        [client] client
       *[provider] provider
    }
gov-sign-off-disputed = figures of { $month } disputed by the { $side ->
        [client] client
       *[provider] provider
    }: { $reason }
