# Flags, their evidence and the health breakdown's reasons: the sentences
# the analysis decides (src/analyse/flags.rs and the modules it gathers
# from; docs/languages.md).

## Pieces shared by many sentences

# the last 3 months (August to October 2026)
flag-last-months = { $count ->
    [one] the last month ({ $span })
   *[other] the last { $count } months ({ $span })
}
# Sentences one after the other.
flag-then = { $first } { $rest }
# Items of a sentence, separated by semicolons.
flag-semicolon = { $first }; { $rest }
# A text as a sentence of its own.
flag-sentence = { $text }.
flag-nothing = nothing
flag-one-point = 1 point
flag-points = { $points } points
flag-side-client = client
flag-side-provider = provider
flag-every-month = every month
flag-every-quarter = every quarter
flag-every-year = every year
flag-frequency-weekly = weekly
flag-frequency-biweekly = every two weeks
flag-frequency-monthly = monthly
flag-frequency-quarterly = quarterly
flag-goal-on-track = on track
flag-goal-at-risk = at risk
flag-goal-off-track = off track
flag-goal-done = done
flag-goal-dropped = dropped
flag-risk-still-open = still open
flag-risk-still-mitigating = still being mitigated
flag-risk-closed = closed

## SLA breaches, defaults and chronic failure

flag-sla-breach = { $party } breached the SLA on { $kpi } in { $months }
# 98.1% (against 99%): a month judged against another target than the one shown.
flag-value-against = { $value } (against { $target })
flag-sla-breach-evidence = { $values }, against a target of { $target }.
flag-sla-breach-evidence-default = { $values }, against a target of { $target }; below the { $minimum } minimum (a default).
flag-sla-breach-evidence-defaults-every-month = { $values }, against a target of { $target }; below the { $minimum } minimum every month (defaults).
flag-sla-breach-evidence-default-in = { $values }, against a target of { $target }; below the { $minimum } minimum in { $defaults } (a default).
flag-sla-breach-evidence-defaults-in = { $values }, against a target of { $target }; below the { $minimum } minimum in { $defaults } (defaults).
flag-relief-not-agreed = Relief for { $kpi } in { $month } is claimed but not agreed
flag-relief-not-agreed-evidence = { $reason } Until both sides agree it, the month counts as any other.
flag-chronic = Chronic failure: { $kpi } has defaulted too often
flag-chronic-evidence = It defaulted in { $months }, so the contract's termination right for chronic failure applies.
flag-chronic-near = { $kpi } is one default away from chronic failure
flag-chronic-near-evidence = It defaulted in { $months }; one more default before { $month } gives the contract's termination right for chronic failure.
flag-rca-missing = No root cause from { $party } for the { $count ->
    [one] breach
   *[other] breaches
} of { $kpi } in { $months }
flag-rca-due = { $due }
flag-rca-due-for = { $due } for { $month }
flag-rca-due-late = { $due } (written late, on { $written })
flag-rca-due-for-late = { $due } for { $month } (written late, on { $written })
flag-rca-missing-evidence = { $count ->
    [one] A root-cause note was due by { $dues }, { $days ->
        [one] 1 day
       *[other] { $days } days
    } after the month ended; none names the breach in its `rca:`.
   *[other] Root-cause notes were due by { $dues }, { $days ->
        [one] 1 day
       *[other] { $days } days
    } after the month ended; none names the breaches in its `rca:`.
}
flag-rca-missing-evidence-late = { $count ->
    [one] A root-cause note was
   *[other] Root-cause notes were
} due by { $dues }, { $days ->
    [one] 1 day
   *[other] { $days } days
} after the month ended; a note after that day does not count.

## Service credits

flag-service-credits = Service credits of { $share } of the monthly fee are due for the last 12 months
flag-service-credits-amount = Service credits of { $share } of the monthly fee ({ $amount }) are due for the last 12 months
flag-service-credits-evidence = For the breaches of { $months }.
flag-credits-accrued = Service credits of { $amount } accrued over the last 12 months
flag-credits-accrued-evidence = Of these, { $payable } is payable, { $pending } waits to be earned back and { $earned } has been earned back. By month: { $months }.

## Sign-off

flag-every-figure = every figure
flag-figures-disputed = Figures of { $month } disputed by the { $side ->
    [client] client
   *[provider] provider
}: { $reason }
flag-figures-disputed-evidence = { $kpis } disputed on { $date }; open until the { $side ->
    [client] client
   *[provider] provider
} signs the month off again
flag-figures-not-agreed = Figures of { $month } not agreed by the { $side ->
    [client] client
   *[provider] provider
}
flag-figures-not-agreed-evidence = no sign-off from the { $side ->
    [client] client
   *[provider] provider
} by { $due }, { $days } days after the month ended

## The contract's notice deadline

flag-notice = The renewal notice deadline is { $when }, on { $date }
flag-notice-passed = The renewal notice deadline { $when }, on { $date }
flag-notice-evidence = The contract ends on { $end }; notice to renew or end it is due { $days ->
    [one] 1 day
   *[other] { $days } days
} before.
# The deadline in words beside its date.
flag-notice-in-days = in { $days ->
    [one] 1 day
   *[other] { $days } days
}
flag-notice-today = due today
flag-notice-days-ago = passed { $days ->
    [one] 1 day
   *[other] { $days } days
} ago
flag-notice-state-clear = notice deadline ahead
flag-notice-state-near = notice deadline near
flag-notice-state-past = notice deadline passed
flag-notice-state-ended = contract ended
flag-notice-state-none = no notice period

## Risks, escalations, obligations, goals and actions

flag-critical-risk = Critical risk: { $title }
flag-risk-scored = Likelihood { $likelihood } × impact { $impact } = { $score }, { $status }
flag-critical-risk-evidence = { $scored }.
flag-critical-risk-overdue-evidence = { $scored }; its mitigation was due on { $due }.
flag-risk-overdue = The mitigation of { $title } is overdue since { $due }
flag-risk-overdue-evidence = { $scored }: { $rating }.
flag-risk-rated-low = a low risk
flag-risk-rated-medium = a medium risk
flag-risk-rated-high = a high risk
flag-risk-rated-critical = a critical risk
flag-escalation-past-time-box = Escalation “{ $title }” past its time box: { $next }
flag-escalation-raise-to = raise to { $name }
flag-escalation-top = at the top of the ladder
flag-escalation-level = level { $level }
flag-escalation-level-named = level { $level } ({ $name })
flag-escalation-past-time-box-evidence = Opened on { $opened } at { $level }, whose time box is { $time_box ->
    [one] 1 day
   *[other] { $time_box } days
}; it ended on { $ended } and the escalation has been open { $days ->
    [one] 1 day
   *[other] { $days } days
}.
flag-obligation-overdue = { $party } has not delivered “{ $title }”, due on { $due }
flag-obligation-overdue-times = { $party } has not delivered “{ $title }” { $count } times, since { $due }
flag-obligation-overdue-evidence = { $party } (the { $side }) owes it { $every }. Due { $dues }; no note fulfils or waives { $count ->
    [one] it
   *[other] them
}.
flag-obligation-overdue-evidence-grace = { $party } (the { $side }) owes it { $every }. Due { $dues } (with { $grace ->
    [one] 1 day
   *[other] { $grace } days
} of grace); no note fulfils or waives { $count ->
    [one] it
   *[other] them
}.
flag-goal-overdue = The goal “{ $title }” is overdue
flag-goal-overdue-evidence = It was due on { $due } and is { $status }.
flag-actions-overdue = { $count ->
    [one] 1 action is
   *[other] { $count } actions are
} overdue
flag-action-item = “{ $text }”, due { $due } ({ $days ->
    [one] 1 day
   *[other] { $days } days
} late), from { $note }
flag-actions-more = and { $count } more

## The relationship

flag-overtime = Overtime was over the { $limit } limit in { $months }
flag-overtime-evidence = Hours worked beyond contracted capacity: { $months }.
flag-expectations = { $count ->
    [one] 1 expectation is
   *[other] { $count } expectations are
} not agreed by both sides
flag-expectation-item = “{ $text }”, set by { $party }
flag-review-overdue = The review is overdue
flag-review-last = the last review was on { $date }, { $days ->
    [one] 1 day
   *[other] { $days } days
} ago; one is agreed every { $interval } days
flag-review-last-sentence = The last review was on { $date }, { $days ->
    [one] 1 day
   *[other] { $days } days
} ago; one is agreed every { $interval } days.
flag-review-none = no review has been held in the { $days ->
    [one] 1 day
   *[other] { $days } days
} since the start; one is agreed every { $interval } days
flag-review-none-sentence = No review has been held in the { $days ->
    [one] 1 day
   *[other] { $days } days
} since the start; one is agreed every { $interval } days.
flag-check-in-one-not-held = The one check-in expected in the last { $days } days was not held
flag-check-ins-none-held = None of the { $expected } check-ins expected in the last { $days } days was held
flag-check-in-one-held = The one check-in expected in the last { $days } days was held
flag-check-ins-all-held = All { $expected } check-ins expected in the last { $days } days were held
flag-check-ins-more-held = { $held } check-ins were held in the last { $days } days, against { $expected } expected
flag-check-ins-some-held = { $held } of the { $expected } check-ins expected in the last { $days } days were held
flag-check-ins-only-held = Only { $held } of the { $expected } check-ins expected in the last { $days } days were held
flag-check-ins-agreed = Check-ins are agreed { $frequency }. The last was on { $date }.
flag-check-ins-agreed-none = Check-ins are agreed { $frequency }. No check-in has been held yet.
flag-feedback-none = Feedback is one-sided: { $party } gave none in the last { $months } months
flag-feedback-most = Feedback is one-sided: most of it came from { $party }
flag-perception = The two sides see { $dimensions } differently
flag-perception-evidence = In the survey of { $month }, the two sides' answers differ by { $gaps }.
flag-watermelon = Green outside, red inside: the KPIs look good, the relationship does not
flag-watermelon-low-trust = the trust score is { $score } (below { $limit })
# $possessive is the client's name with the English possessive: Brightline Energy's.
flag-watermelon-nps = { $possessive } NPS is { $nps }
flag-watermelon-fall = the trust score fell from { $before } in { $month } to { $now } (by { $fall })
flag-watermelon-evidence = The performance score is { $performance } ({ $green } or more), yet in the survey of { $month } { $parts }.
flag-no-celebration = No success celebrated in 6 months
flag-no-celebration-evidence = No milestone was celebrated between { $from } and { $until }.
flag-no-celebration-evidence-uncelebrated = No milestone was celebrated between { $from } and { $until }. { $count ->
    [one] 1 milestone was
   *[other] { $count } milestones were
} reached but not celebrated.

## The health breakdown's reasons

flag-component-performance = performance
flag-component-workload = workload realism
flag-component-communication = communication cadence
flag-component-feedback = two-way feedback
flag-component-trust = trust
flag-component-risk = risk
flag-component-obligations = obligations
flag-health-left-out = { $count ->
    [one] No data for { $components }, so it is left out and the other weights are scaled up to make 100%.
   *[other] No data for { $components }, so they are left out and the other weights are scaled up to make 100%.
}
flag-kpi-none-defined = No KPIs are defined.
flag-kpi-none-reported = No KPI was reported in { $months }.
flag-kpi-all-met = Every monthly KPI result of { $months } met its target ({ $met } of { $count }).
flag-kpi-all-missed = Every monthly KPI result of { $months } missed its target ({ $missed } of { $count }).
flag-kpi-results = Of the { $count ->
    [one] 1 monthly KPI result
   *[other] { $count } monthly KPI results
} of { $months }, { $parts }.
flag-kpi-met = { $count } met the target
flag-kpi-missed-within = { $count } missed it within the warning margin (half marks)
flag-kpi-missed = { $count } missed it
# $provider_possessive and $client_possessive: the names with the English possessive.
flag-kpi-two-way = { $provider_possessive } KPIs score { $provider_score } and { $client_possessive } KPIs { $client_score }.
flag-kpi-missed-value = { $kpi } { $value } (target { $target })
flag-sla-one-met = The SLA KPI met its target in { $month }.
flag-sla-both-met = Both SLA KPIs met their target in { $month }.
flag-sla-all-met = All { $count } SLA KPIs met their target in { $month }.
flag-sla-one-missed = The SLA KPI missed its target in { $month }: { $kpis }.
flag-sla-both-missed = Both SLA KPIs missed their target in { $month }: { $kpis }.
flag-sla-all-missed = All { $count } SLA KPIs missed their target in { $month }: { $kpis }.
flag-sla-some-missed = { $missed } of { $count } SLA KPIs missed their target in { $month }: { $kpis }.
flag-workload-no-capacity = No contracted capacity is set (capacity.hours_per_month), so workload is not measured.
flag-workload-no-hours = No hours worked were reported in { $months }.
flag-workload-one-month = in the one month reported of { $months }
flag-workload-over = over { $months }
flag-workload-reported = over the { $count ->
    [one] 1 month
   *[other] { $count } months
} reported of { $months }
flag-workload-overtime = Overtime beyond contracted capacity averaged { $ratio } { $over }, against a limit of { $limit }.
flag-workload-expectations = { $count ->
    [one] 1 expectation is not agreed between { $client } and { $provider } (−{ $penalty }).
   *[other] { $count } expectations are not agreed between { $client } and { $provider } (−{ $penalty } each).
}
flag-cadence-not-agreed = No check-in cadence is agreed (cadence.check_in), so communication is not scored.
flag-review-overdue-reason = The review is overdue: { $wording }.
flag-review-overdue-penalty-reason = The review is overdue (−{ $penalty }): { $wording }.
flag-feedback-neither = Neither { $client } nor { $provider } gave feedback in { $months }.
flag-feedback-all-from = { $quiet } gave no feedback in { $months }; all { $count ->
    [one] 1 item
   *[other] { $count } items
} came from { $loud }.
flag-feedback-shares = Of the { $count ->
    [one] 1 item
   *[other] { $count } items
} of feedback in { $months }, { $client_count } came from { $client } and { $provider_count } from { $provider }: a client share of { $share }, where 50% is balanced.
flag-feedback-nobody-recently = Nobody gave feedback in the last { $months } months, so the score is 0.
flag-trust-no-survey = No relationship survey has been answered yet.
flag-trust-both-sides = both sides
flag-trust-side-only = { $party } only
flag-trust-survey = In the survey of { $month }, answered by { $sides }, the mean answer was { $answer } out of 5.
flag-trust-below-floor = { $party } gave fewer responses than the privacy floor, so its answers are left out.
flag-trust-same-answers = The two sides gave the same answer to every question both answered.
flag-trust-gap = The two sides' answers differ by { $gap } on average (−{ $penalty }).
flag-trust-no-gap = No question was answered by both sides, so there is no perception gap.
flag-trust-differ = They differ by { $gaps }.
# 1 point or more on trust (Brightline Energy 2, Fenwick Contact Solutions 4) and goals (2 and 4)
flag-trust-gaps = { $limit } or more on { $gaps }
flag-trust-gap-named = { $dimension } ({ $client } { $client_answer }, { $provider } { $provider_answer })
flag-trust-gap-answers = { $dimension } ({ $client_answer } and { $provider_answer })
flag-risk-none-open = No risk is open.
flag-risk-exposure-above = Risk exposure is { $exposure } (likelihood × impact summed over { $open ->
    [one] 1 open risk
   *[other] { $open } open risks
}), above the { $zero } at which the score reaches 0.
flag-risk-exposure-at = Risk exposure is { $exposure } (likelihood × impact summed over { $open ->
    [one] 1 open risk
   *[other] { $open } open risks
}), the { $zero } at which the score reaches 0.
flag-risk-exposure-below = Risk exposure is { $exposure } (likelihood × impact summed over { $open ->
    [one] 1 open risk
   *[other] { $open } open risks
}); the score would reach 0 at { $zero }.
flag-risk-critical-item = { $title } ({ $likelihood } × { $impact })
flag-risk-high = { $count ->
    [one] 1 is rated high
   *[other] { $count } are rated high
}
flag-risk-of-them = Of them, { $high }.
flag-risk-critical-one = The critical one is { $critical }.
flag-risk-critical-one-high = The critical one is { $critical }; { $high }.
flag-risk-critical-many = The critical ones are { $critical }.
flag-risk-critical-many-high = The critical ones are { $critical }; { $high }.
flag-obligations-none = No obligations are recorded.
flag-obligations-side-none = { $party } had no obligation to judge that fell due in { $months }, so that side is left out.
flag-obligations-side-none-waived = { $party } had no obligation to judge that fell due in { $months } ({ $waived ->
    [one] 1 instance
   *[other] { $waived } instances
} waived), so that side is left out.
flag-obligations-late = { $count } late
flag-obligations-still-overdue = { $count } still overdue
flag-obligations-side = { $party } met { $on_time } of { $count ->
    [one] 1 obligation
   *[other] { $count } obligations
} due in { $months } on time: { $rate }.
flag-obligations-side-misses = { $party } met { $on_time } of { $count ->
    [one] 1 obligation
   *[other] { $count } obligations
} due in { $months } on time ({ $misses }): { $rate }.
flag-obligations-side-waived = { $party } met { $on_time } of { $count ->
    [one] 1 obligation
   *[other] { $count } obligations
} due in { $months } on time; { $waived ->
    [one] 1 was
   *[other] { $waived } were
} waived and left out: { $rate }.
flag-obligations-side-misses-waived = { $party } met { $on_time } of { $count ->
    [one] 1 obligation
   *[other] { $count } obligations
} due in { $months } on time ({ $misses }); { $waived ->
    [one] 1 was
   *[other] { $waived } were
} waived and left out: { $rate }.
flag-obligations-score = The score is the mean of the two sides' on-time rates: { $score }.
flag-obligations-overdue-item = { $title } from { $party } (due { $due })
flag-obligations-overdue = Overdue: { $items }.
