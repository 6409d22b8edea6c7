import JobFitCore
import Testing

/// A small hand-written taxonomy: every expectation below can be checked by eye.
let miniTaxonomy: SkillTaxonomy = {
  let skills = [
    Skill(id: "kubernetes", name: "Kubernetes", aliases: ["k8s"], related: ["docker"]),
    Skill(id: "docker", name: "Docker", related: ["kubernetes"]),
    Skill(id: "go", name: "Go", aliases: ["golang"], ambiguousAliases: ["Go"]),
    Skill(id: "r", name: "R", aliases: ["R language"], ambiguousAliases: ["R"]),
    Skill(id: "computer-vision", name: "Computer vision", aliases: ["CV"], ambiguousAliases: ["CV"]),
    Skill(id: "pytorch", name: "PyTorch", related: ["tensorflow"]),
    Skill(id: "tensorflow", name: "TensorFlow", related: ["pytorch"]),
    Skill(id: "diffusion-models", name: "Diffusion models", aliases: ["Stable Diffusion"], related: ["gans"]),
    Skill(id: "gans", name: "GANs", aliases: ["generative adversarial networks"], related: ["diffusion-models"]),
    Skill(id: "llm", name: "LLM", aliases: ["large language models"]),
    Skill(id: "a-b-testing", name: "A/B testing", aliases: ["split testing"]),
    Skill(id: "machine-learning", name: "Machine learning"),
    Skill(id: "bls", name: "BLS", aliases: ["Basic Life Support"]),
    Skill(id: "haccp", name: "HACCP"),
    Skill(id: "sql", name: "SQL"),
  ]
  return try! SkillTaxonomy(skills)
}()

func skillIDs(_ text: String, sections: [Section] = []) -> [String] {
  let matcher = SkillMatcher(taxonomy: miniTaxonomy)
  return matcher.mentions(in: text, sections: sections).map { miniTaxonomy.skills[$0.skill].id }
}

@Suite("Skill matcher")
struct SkillMatcherTests {
  @Test("Names and aliases match whatever the case and punctuation; phrases beat their parts")
  func namesAndAliases() {
    #expect(skillIDs("Deployed services on K8S and kubernetes, plus Docker.") == ["kubernetes", "kubernetes", "docker"])
    #expect(skillIDs("Fine-tuned Stable Diffusion XL with LoRA") == ["diffusion-models"])
    #expect(skillIDs("Ran A/B testing and split-testing of prompts for LLMs") == ["a-b-testing", "a-b-testing", "llm"])
    #expect(skillIDs("machine-learning and Machine Learning") == ["machine-learning", "machine-learning"])
    #expect(skillIDs("large language models; generative adversarial networks") == ["llm", "gans"])
  }

  @Test("Mentions carry byte offsets of the words and of their line")
  func offsets() {
    let text = "Summary\nI run Kubernetes clusters.\n"
    let m = SkillMatcher(taxonomy: miniTaxonomy).mentions(in: text, sections: [])
    #expect(m.count == 1)
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[m[0].start..<m[0].end], as: UTF8.self) == "Kubernetes")
    #expect(String(decoding: bytes[m[0].lineStart..<m[0].lineEnd], as: UTF8.self) == "I run Kubernetes clusters.")
  }

  @Test("Ambiguous aliases match in skills lists and with disambiguating words", arguments: [
    ("Languages: Go, Python, SQL", ["go", "sql"]),
    ("Backend services in Go programming with gRPC", ["go"]),
    ("Statistics in R, SQL, Tableau", ["r", "sql"]),
    ("Built CV pipelines, OCR, detection models", ["computer-vision"]),
    ("golang microservices", ["go"]),
  ])
  func ambiguousTrue(_ example: (text: String, ids: [String])) {
    #expect(skillIDs(example.text) == example.ids)
  }

  @Test("Ambiguous aliases do not match ordinary words", arguments: [
    "Our go to market plan is ambitious.",
    "Please send your CV and cover letter.",
    "Attach a CV, cover letter, references",
    "We go ahead with the project, step by step.",
    "Let's go",
  ])
  func ambiguousFalse(_ text: String) {
    #expect(!skillIDs(text).contains("go"))
    #expect(!skillIDs(text).contains("computer-vision"))
    #expect(!skillIDs(text).contains("r"))
  }

  @Test("Inside a Skills section a lone ambiguous alias counts")
  func skillsSection() {
    let text = "Skills\nGo\n"
    let sections = [Section(kind: .skills, heading: "Skills", range: 7..<10)]
    #expect(skillIDs(text, sections: sections) == ["go"])
    #expect(skillIDs(text, sections: []) == [])
  }
}
