use super::*;

#[test]
fn slugs() {
    assert!(is_slug("acme-payroll"));
    assert!(is_slug("2024-x"));
    assert!(is_slug("approvals_on_time"));
    for bad in ["", "-a", "_a", "Acme", "a/b", "..", "a b", "a.b"] {
        assert!(!is_slug(bad), "{bad}");
    }
    assert_eq!(slugify("Acme Payroll_2"), "acme-payroll-2");
    assert_eq!(suggest_name("con", "engagement"), "con-engagement");
    assert!(reserved_on_windows("LPT1") && reserved_on_windows("nul.md"));
    assert!(!reserved_on_windows("console") && !reserved_on_windows("com"));
    assert!(reserved_on_windows("Com².txt") && reserved_on_windows("aux .css"));
    assert!(!reserved_on_windows("com10") && !reserved_on_windows("lpt"));
}
