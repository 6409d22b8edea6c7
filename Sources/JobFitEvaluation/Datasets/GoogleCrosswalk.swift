/// Which livecareer résumé categories count as relevant for a Google job family
/// (`google-job-skills` `Category` → `kaggle-livecareer-resume-dataset` `Category`).
///
/// A family maps to the résumé categories whose holders would plausibly apply to its postings,
/// judged from the Google titles in each family and the livecareer `Title`s in each category.
/// Families with no fair résumé category are left out (their postings are not queries or
/// items) and listed in `unmapped` with the reason, so the choice is visible in every report.
public enum GoogleCrosswalk {
  /// Job family → relevant livecareer categories.
  public static let categories: [String: Set<String>] = [
    // FP&A, tax, treasury, accounting and audit roles. BANKING is left out: its résumés are
    // branch, lending and retail-banking roles, a different job family from corporate finance.
    "Finance": ["FINANCE", "ACCOUNTANT"],
    // Google's HR family, recruiters included, as are livecareer HR résumés.
    "People Operations": ["HR"],
    // UX, visual and interaction designers; DESIGNER is the only design category (it also holds
    // interior and floral designers, so expect noise).
    "User Experience & Design": ["DESIGNER"],
    // Software engineers. livecareer has no developer category; INFORMATION-TECHNOLOGY holds the
    // developers and IT staff. ENGINEERING is mostly mechanical/industrial, so left out.
    "Software Engineering": ["INFORMATION-TECHNOLOGY"],
    // Site reliability, systems administration, infrastructure engineering.
    "Technical Infrastructure": ["INFORMATION-TECHNOLOGY"],
    // Network engineers: an IT specialty.
    "Network Engineering": ["INFORMATION-TECHNOLOGY"],
    // Corporate IT and data management.
    "IT & Data Management": ["INFORMATION-TECHNOLOGY"],
    // ASIC, FPGA, validation and manufacturing engineers: livecareer ENGINEERING (electrical,
    // mechanical, test and process engineers), not IT.
    "Hardware Engineering": ["ENGINEERING"],
    // Ad and cloud account managers and sales representatives; livecareer BUSINESS-DEVELOPMENT
    // résumés are new-account sales roles too.
    "Sales & Account Management": ["SALES", "BUSINESS-DEVELOPMENT"],
    // Field and inside sales representatives plus sales analysts.
    "Sales Operations": ["SALES"],
    // Marketing, communications and PR managers: PUBLIC-RELATIONS (PR, marketing and
    // communications résumés) and DIGITAL-MEDIA (digital and social-media marketing).
    "Marketing & Communications": ["PUBLIC-RELATIONS", "DIGITAL-MEDIA"],
    // Business analysts, strategy and business-operations leads: consulting and
    // business-development backgrounds.
    "Business Strategy": ["CONSULTANT", "BUSINESS-DEVELOPMENT"],
    // Partner managers negotiate and grow partner deals: business development.
    "Partnerships": ["BUSINESS-DEVELOPMENT"],
  ]

  /// Families deliberately left out, with the reason.
  public static let unmapped: [String: String] = [
    "Legal & Government Relations":
      "counsel and policy roles; livecareer ADVOCATE résumés are patient/customer/victim "
      + "advocates, not lawyers",
    "Technical Solutions": "a mix of ad operations, account strategists and cloud engineers",
    "Program Management": "program managers come from every background; no category fits",
    "Product & Customer Support":
      "mostly account strategists and trust-and-safety analysts; BPO (22 résumés) is call-center",
    "Administrative": "administrative business partners; livecareer has no administrative category",
    "Real Estate & Workplace Services": "facilities, security, real estate and food service",
    "Manufacturing & Supply Chain": "supply-chain and sourcing managers; no category fits",
    "Developer Relations": "developer advocates: half engineering, half marketing",
    "Technical Writing": "no writing category",
    "Data Center & Network": "two program-management postings",
  ]

  /// Every livecareer category some family reaches, sorted.
  public static var reachedCategories: [String] {
    Array(categories.values.reduce(into: Set<String>()) { $0.formUnion($1) }).sorted()
  }
}
