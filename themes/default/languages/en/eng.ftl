# The engagement report, its sections and tables, and the note page
# (docs/languages.md).

## The report's header and contents

eng-client = Client
eng-provider = Provider
eng-health = Health
# A link beside the health figure, to the partner's view of it.
eng-partner-view-link = partner view: { $score }
eng-since = Since
eng-contract-end = Contract end
eng-notice-deadline = Notice deadline
eng-fee = Fee
eng-cadence = Cadence
eng-capacity = Capacity
eng-latest-review-pack = Latest review pack
eng-toc-label = Sections of this report
eng-toc-title = On this page
eng-toc-flags = Flags ({ $count })
eng-toc-scorecard = Scorecard
eng-toc-sla = SLA breaches
eng-toc-workload = Workload
eng-toc-feedback = Feedback
eng-toc-trust = Trust
eng-toc-goals = Goals &amp; expectations
eng-toc-obligations = Obligations
eng-toc-reviews = Review packs
eng-escalations = Escalations
eng-risks = Risks
eng-actions = Actions
eng-notes = Notes

## Header values

# The monthly fee: "12,400 EUR a month".
eng-fee-monthly = { $amount } a month
eng-fee-not-stated = not stated
eng-cadence-agreed = check-ins { $check_in }, reviews { $review }
eng-not-agreed-lower = not agreed
eng-capacity-hours = { $hours } h/month
eng-not-set = not set
eng-frequency-weekly = weekly
eng-frequency-biweekly = biweekly
eng-frequency-monthly = monthly
eng-frequency-quarterly = quarterly
# "Fenwick Contact Solutions' KPIs": the possessive is built from the name.
eng-provider-kpis = { $possessive } KPIs
eng-client-obligations = { $possessive } KPIs for { $provider }

## Health and flags

eng-partner-note = <strong>Partner view: { $score }</strong> ({ $band }). This is the health the partner's shared build shows for this engagement: it is computed from the items shared with the partner only, leaving out internal notes, risks, goals, expectations, milestones and feedback. Where the two figures differ, those internal items make the difference. Only internal builds show this line.
eng-health-weighted = Weighted mean of the components below.
eng-health-caption = How the health score is made
eng-component = Component
eng-score = Score
eng-weight = Weight
eng-share = Share
eng-no-data = no data
eng-left-out = left out
eng-band-healthy = healthy
eng-band-needs-attention = needs attention
eng-band-at-risk = at risk
eng-rag-green = green
eng-rag-amber = amber
eng-rag-red = red
eng-rag-grey = grey
eng-flags = Flags
eng-nothing-to-flag = Nothing to flag.
eng-flags-critical = Critical
eng-flags-also-watch = Also to watch
eng-flags-watch = To watch
eng-severity-critical = critical
eng-severity-warning = warning
eng-severity-info = info

## Scorecard, SLA breaches and service credits

eng-scorecard-title = KPI scorecard
eng-scorecard-summary = Performance score <strong>{ $score }</strong> over { $window }: { $provider_kpis } <strong>{ $provider_score }</strong>, { $client_obligations } <strong>{ $client_score }</strong>. SLA attainment over the last 12 months: <strong>{ $sla }</strong>.
eng-kpi-charts-title = Each KPI against its target
eng-kpi-charts-legend = Shaded bands: green meets the target, amber is between the warning level and the target, red is beyond it. Gaps are months not reported; a hollow point is the month in progress.
eng-kpi = KPI
eng-target = Target
eng-latest = Latest
eng-status = Status
eng-attainment-12 = Attainment, 12 months
eng-trend-6 = Trend, 6 months
eng-sla-title = SLA breaches and service credits
eng-breaches-caption = SLA breaches, { $span }
eng-month = Month
eng-value = Value
eng-root-cause = Root cause
# After a breach's target: "≥ 80%, minimum ≥ 75%".
eng-minimum-suffix = , minimum { $minimum }
eng-default = default
eng-breaches-none = No SLA breach in { $span }.
eng-credits = Service credits
eng-credits-summary = { $terms }. Due for { $span }: <strong>{ $total }</strong>.
eng-credits-caption = Service credits by month
eng-breaches = Breaches
eng-credit = Credit
eng-amount = Amount
eng-at-risk-summary = { $terms }. For { $span }: accrued <strong>{ $accrued }</strong>, payable <strong>{ $payable }</strong>, pending earn-back { $pending }, earned back { $earned_back }.
eng-in-default = In default
eng-accrued = Accrued
eng-earned-back = Earned back
eng-pending = Pending
eng-payable = Payable
eng-last-12-months-span = the last 12 months
eng-no-data-score = no data
eng-not-reported = not reported
eng-nothing-reported = nothing reported
eng-too-few-months = too few months
# A KPI's attainment: "92% (11 of 12 months)".
eng-attainment = { $percent } ({ $met } of { $reported } months)
eng-pooled = ; pooled { $value } of { $total }
eng-status-excused = excused
eng-status-low-volume = low volume
eng-status-baselining = baselining
eng-terms-target = target { $bound }
eng-terms-minimum = minimum { $bound }
eng-terms-allocation = { $percent }% of the amount at risk
eng-terms-until = until { $month }: { $terms }
eng-terms-from = from { $month }: { $terms }
eng-credit-share = { $amount } ({ $percent }% of the fee)
eng-credit-share-only = { $percent }% of the fee
eng-credits-terms = { $per_breach }% of the monthly fee per SLA breach, capped at { $cap }% a month
eng-at-risk-terms = { $percent }% of the monthly fee at risk ({ $amount } a month), shared by the KPIs in default by their allocation{ $earn_back }
eng-at-risk-earn-back = ; a KPI's share is earned back when the KPI is on target in each of the next { $months } months
eng-at-risk-default = { $name } ({ $percent }%)
eng-at-risk-capped = capped at the amount at risk

## Escalations

eng-ladder-caption = Escalation ladder, lowest level first
eng-level = Level
eng-who = Who
eng-time-box = Time box
eng-escalations-caption = Escalations, the latest first
eng-escalation = Escalation
eng-opened = Opened
eng-time-box-ends = Time box ends
eng-state = State
eng-open-for = Open for
eng-escalations-none = No escalation.
eng-escalations-summary = { $open } open, { $past } past { $past ->
    [one] its
   *[other] their
} time box
eng-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
eng-no-time-box = no time box
eng-ended-on = on { $date }
eng-past-time-box = past its time box: { $next }
eng-escalation-open = open
eng-escalation-raised = raised
eng-escalation-resolved = resolved
eng-rca-written-late = no root cause: written late, on { $date } (due { $due })
eng-rca-due = due { $due }
eng-rca-missing = no root cause (due { $due })

## Workload, cadence, feedback and trust

eng-workload-title = Workload against capacity
eng-workload-summary = Contracted capacity { $capacity } a month; months more than { $limit } over it are flagged. Score <strong>{ $score }</strong>.
eng-workload-caption = Hours worked by month
eng-worked = Worked
eng-overtime = Overtime
eng-overtime-requested = Overtime requested
eng-requested = Requested
eng-flag = Flag
eng-in-progress = in progress
eng-over-the-limit = over the limit
eng-workload-none = No contracted capacity: workload realism is not measured.
eng-hours = { $hours } h
eng-cadence-title = Communication cadence
eng-check-ins-90 = Check-ins, last 90 days
eng-check-ins-held = { $held } held of { $expected } expected
eng-last-check-in = Last check-in
eng-longest-gap = Longest gap, 365 days
eng-review = Review
eng-overdue = overdue
eng-cadence-none = No cadence agreed: communication is not scored.
eng-no-review-cadence = no review cadence agreed
eng-last-check-in-value = { $date } ({ $days } days ago)
eng-none = none
eng-no-gap = none in 365 days
eng-gap-value = { $days } days ({ $from } to { $to })
eng-gap-value-open = { $days } days ({ $from } to { $to }, still open)
eng-feedback-title = Two-way feedback
eng-feedback-summary = { $count } items from { $window }. Client share { $share }, balance { $balance }
eng-one-sided = one-sided
eng-score-sentence = Score <strong>{ $score }</strong>.
eng-feedback-caption = Feedback by side and kind
eng-from = From
eng-feedback-praise = Praise
eng-feedback-concern = Concern
eng-feedback-suggestion = Suggestion
eng-total = Total
eng-what-was-said = What was said
eng-feedback-none = No feedback in { $window }.
eng-window = { $first } to { $last }
eng-trust-title = Trust and perception gap
eng-trust-summary = Latest survey { $month }. Mean gap { $gap } (a gap of { $limit } or more is flagged).
eng-survey-none = No survey yet.
eng-survey-caption = Survey { $month }: client and provider, 1 to 5
eng-survey-caption-spread = (mean, and lowest–highest answer)
eng-dimension = Dimension
eng-client-spread = Client lowest–highest
eng-provider-spread = Provider lowest–highest
eng-perception-gap = perception gap
eng-respondents-caption = Who answered the survey of { $month }
eng-side = Side
eng-answered = Answered
eng-nps = NPS
eng-answers-not-shown = { $answered }: answers not shown
eng-comments-from = Comments from the { $side } side
eng-comments-order = (in alphabetical order, without names or roles)

## Risks, goals, obligations, actions, notes and review packs

eng-risks-summary = { $open } open, exposure { $exposure } (score { $score }).
eng-risks-caption = Risk register, by exposure
eng-engagement = Engagement
eng-risk = Risk
eng-owner = Owner
eng-l-x-i = L × I
eng-rating = Rating
eng-mitigation = Mitigation
eng-due = Due
eng-goals-title = Goals, expectations and milestones
eng-goals = Goals
eng-goal = Goal
eng-mutual = Mutual
eng-yes = yes
eng-no = no
eng-no-mutual-goals = no mutual goals
eng-mutual-share = { $percent } of mutual goals on track or done ({ $on_track } of { $mutual })
eng-expectations = Expectations
eng-set-by = set by { $side }
eng-agreed = agreed
eng-not-agreed = not agreed
eng-internal = internal
eng-milestones = Milestones
eng-celebrated = celebrated
eng-not-celebrated = not celebrated yet
eng-celebration-nudge = No success celebrated in 6 months.
eng-obligations-title = Obligations of both sides
eng-obligations-score = Obligations score <strong>{ $score }</strong>.
eng-obligations-of-side = { $possessive } obligations
eng-count-overdue = { $count } overdue
eng-obligations-caption = Obligations of { $name }
eng-obligation = Obligation
eng-recurs = Recurs
eng-last-12-months = Last 12 months
eng-overdue-heading = Overdue
eng-next-due = Next due
eng-instances-summary = Every instance of { $possessive } obligations ({ $count }), the latest first
eng-instances-caption = Instances of the obligations of { $name }
eng-by = By
eng-waived-reason = Waived: { $reason }
eng-obligations-none-of = No obligations of { $name } are recorded.
eng-obligations-none = No obligations are recorded: add <code>obligations:</code> to engagement.yaml to track the recurring duties of both sides.
eng-side-record = { $on_time } of { $judged } on time ({ $percent }){ $waived }
eng-side-nothing-due = nothing due to judge{ $waived }
eng-side-waived = , { $count } waived
eng-on-time = { $on_time } of { $judged } on time
eng-grace-days = { $every }, { $days ->
    [one] 1 day's grace
   *[other] { $days } days' grace
}
eng-actions-summary = { $open } open, { $overdue } overdue, { $closed } closed in the last 90 days.
eng-actions-open-caption = Open action items, from the notes
eng-actions-closed-summary = { $count ->
    [one] 1 closed action in the last 90 days
   *[other] { $count } closed actions in the last 90 days
}
eng-actions-closed-caption = Actions closed in the last 90 days, the latest first
eng-action = Action
eng-action-open = Open
eng-action-overdue = Overdue
eng-action-overdue-by = Overdue by { $days } days
eng-action-closed-recently = Closed recently
eng-action-closed = Closed
eng-note-actions = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
eng-reviews-title = Quarterly review packs
eng-reviews-intro = One printable pack per complete quarter with data: that quarter's scorecard, charts, SLA breaches and service credits, wins and milestones, survey and open actions.
eng-review-pack = Review pack { $label }
eng-reviews-none = No complete quarter with data yet.
eng-data-table = Data table

## The note page

eng-date = Date
eng-kind = Kind
eng-attendees = Attendees
eng-audience = Audience
eng-note-actions-title = Action items of this note
eng-note-actions-caption = Actions agreed in this note, with their state as of { $date }
eng-note-every-action = Every action of { $name }
eng-note-its-notes = its notes
eng-note-portfolio-actions = open actions of the portfolio
eng-note-no-actions = No action item in this note.
eng-note-other-notes = Other notes of { $name }
eng-note-pager-label = Other notes of this engagement
eng-note-earlier = Earlier note · { $date }
eng-note-later = Later note · { $date }

## Words for the records' values (src/render/labels.rs)

eng-phase-prospecting = Prospecting
eng-phase-transition = Transition
eng-phase-steady = Steady state
eng-phase-mature = Mature
eng-phase-renewal = Renewal
eng-phase-exit = Exit
eng-note-kind-check-in = Check-in
eng-note-kind-review = Review
eng-note-kind-escalation = Escalation
eng-note-kind-workshop = Workshop
eng-note-kind-celebration = Celebration
eng-note-kind-note = Note
eng-audience-internal = Internal
eng-audience-shared = Shared
eng-side-client = Client
eng-side-provider = Provider
# A side in a sentence: "Comments from the client side".
eng-side-client-lower = client
eng-side-provider-lower = provider
eng-direction-higher = higher is better
eng-direction-lower = lower is better
eng-goal-on-track = On track
eng-goal-at-risk = At risk
eng-goal-off-track = Off track
eng-goal-done = Done
eng-goal-dropped = Dropped
eng-feedback-kind-praise = Praise
eng-feedback-kind-concern = Concern
eng-feedback-kind-suggestion = Suggestion
eng-risk-owner-client = Client
eng-risk-owner-provider = Provider
eng-risk-owner-both = Both
eng-risk-status-open = Open
eng-risk-status-mitigating = Mitigating
eng-risk-status-closed = Closed
eng-kpi-breach = breach
eng-kpi-on-target = on target
eng-kpi-near-target = near target
eng-kpi-off-target = off target
eng-trend-improving = improving
eng-trend-flat = flat
eng-trend-declining = declining
eng-rating-low = low
eng-rating-medium = medium
eng-rating-high = high
eng-rating-critical = critical
eng-instance-due-soon = due soon
eng-instance-upcoming = upcoming
eng-instance-fulfilled-late = fulfilled late
eng-instance-fulfilled = fulfilled
eng-instance-waived = waived
# The health components, as the breakdown names them.
eng-component-performance = Performance
eng-component-workload = Workload realism
eng-component-communication = Communication cadence
eng-component-feedback = Two-way feedback
eng-component-trust = Trust
eng-component-risk = Risk
eng-component-obligations = Obligations
eng-one-agreed-answer = one agreed answer
eng-fewer-responses = fewer than { $floor } responses
eng-responses = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
# A side's NPS and how many answered it: "+33 (6 answers)".
eng-nps-value = { $nps } ({ $count ->
    [one] 1 answer
   *[other] { $count } answers
})
eng-no-nps-answer = no NPS answer
eng-every-month = every month
eng-every-quarter = every quarter
eng-every-year = every year
eng-gap = Gap
# A month's figures not agreed by both sides (docs/metrics.md, "Sign-off and disputes").
eng-sign-off-provisional = provisional
eng-sign-off-disputed = disputed
# The survey's dimensions, as its table names them.
eng-dimension-trust = Trust
eng-dimension-communication = Communication
eng-dimension-collaboration = Collaboration
eng-dimension-respect = Respect
eng-dimension-goals = Goals
# The title of the risk heat map on the report.
eng-risk-map-title = Open risks by likelihood and impact
