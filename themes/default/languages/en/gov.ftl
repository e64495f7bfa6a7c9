# Governance and attention: the sentences the analysis writes for the
# attention list, cadence, obligations, escalations, root causes, sign-off,
# risks, the review pack's summary and the digest (docs/languages.md).

## The attention list

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
