import Testing

@testable import JobFitEvaluation

/// `MojibakeRepair` undoes UTF-8 read as Windows-1252 and leaves real text alone.
@Suite struct MojibakeRepairTests {
  @Test(arguments: [
    ("AccessÂ Peachtree", "Access Peachtree"),
    ("endsÂ", "ends"),
    ("Â· Demonstrated", "· Demonstrated"),
    ("EntrÃ©es", "Entrées"),
    ("2010 â€“ 2012", "2010 – 2012"),
    ("â€œquotedâ€\u{9D}", "“quoted”"),
    ("Ã¼ber", "über"),
    ("â€œFire Projectâ€\u{200B} team", "“Fire Project” team"),
    ("ZumbaÃ‚Â® Fitness", "Zumba® Fitness"),
  ])
  func repairs(_ broken: String, _ fixed: String) {
    #expect(MojibakeRepair.repair(broken).text == fixed)
    #expect(MojibakeRepair.repair(broken).repairs > 0)
  }

  @Test(arguments: ["Café au lait", "Größe über Ärger", "plain ASCII", "naïve — “quoted”", "Âge"])
  func leavesRealTextAlone(_ text: String) {
    #expect(MojibakeRepair.repair(text) == (text, 0))
  }
}
