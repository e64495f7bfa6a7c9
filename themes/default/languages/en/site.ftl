# The portfolio and register pages, the search page, the footer's scope
# and the feeds (docs/languages.md).

## The build's scope, in the footer of every page

site-scope-internal = internal: all items
site-scope-shared = shared with the partner: internal items left out
site-scope-client = client { $client } only
site-scope-provider = provider { $provider } only

## The portfolio

site-attention-heading = Needs attention
site-attention-lede = As of { $date }: { $summary }. Most urgent first; each links to its place in the engagement's report.
# "2 critical and 9 warnings"
site-attention-summary = { $critical } critical and { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
site-attention-more = { $count } more, later or less urgent
site-attention-none = Nothing needs attention as of { $date }.
site-severity-critical = critical
site-severity-warning = warning
site-severity-info = info
site-portfolio-lede = { $count ->
    [one] { $count } engagement
   *[other] { $count } engagements
}, worst health first. Health links to its breakdown.
site-filter-engagements = Filter the engagements
site-filter-all-phases = All phases
site-filter-any-health = Any health
site-filter-all-clients = All clients
site-filter-all-providers = All providers
site-filter-show-all = Show all
site-portfolio-caption = Engagements
site-sort-hint = {" "}— select a column heading to sort
site-col-engagement = Engagement
site-col-client = Client
site-col-provider = Provider
site-col-phase = Phase
site-col-health = Health
site-col-sla-met = SLA met
site-col-open-risks = Open risks
site-col-overdue-actions = Overdue actions
site-col-last-check-in = Last check-in
site-col-next-deadline = Next deadline
site-col-contract-end = Contract end
site-flags = { $count ->
    [0] no flags
    [one] { $count } flag
   *[other] { $count } flags
}
site-critical-flags = , { $count } critical
site-partner-view-title = The health the partner's shared build shows: shared items only
site-partner-view = partner view: { $score }
site-none = none
site-no-sla-data = no SLA data
site-days-ago = { $days } days ago
site-risk-map-heading = Risk across the portfolio
site-risk-register-link = The portfolio risk register
site-open-actions-link = Open actions
site-phase-prospecting = Prospecting
site-phase-transition = Transition
site-phase-steady = Steady state
site-phase-mature = Mature
site-phase-renewal = Renewal
site-phase-exit = Exit
site-band-green = healthy
site-band-amber = needs attention
site-band-red = at risk
site-band-grey = no data
site-deadline-notice-deadline = notice deadline
site-deadline-review-due = review due
site-deadline-action-due = action due
site-deadline-risk-mitigation-due = risk mitigation due
site-deadline-goal-due = goal due
site-deadline-milestone = milestone
site-deadline-obligation-due = obligation due
site-deadline-escalation-time-box-ends = escalation time box ends
site-deadline-root-cause-due = root cause due
