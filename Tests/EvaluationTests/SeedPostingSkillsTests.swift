import Foundation
import JobFitCore
import Testing

/// Every skill a recruiter would name in the five real seed postings (../shared/data/postings-seed)
/// must be found. The lists were written by reading the postings, not from matcher output.
@Suite(
  "Evaluation: skills of the seed postings",
  .enabled(if: SharedData.exists("postings-seed"), SharedData.reason))
struct SeedPostingSkillsTests {
  static let expected: [(file: String, ids: [String])] = [
    // TikTok, Machine Learning Engineer Intern (Ads Creative AI).
    ("000_17663c8cd4d0ece3.txt", [
      "pytorch", "tensorflow", "diffusion-models", "generative-adversarial-networks",
      "variational-autoencoders", "large-language-models", "multimodal-large-language-models", "aigc",
      "deep-learning", "generative-models", "generative-ai", "computer-vision", "image-generation",
      "reinforcement-learning", "natural-language-processing", "machine-learning", "fine-tuning",
      "llm-post-training", "multimodal-learning", "artificial-intelligence", "data-quality",
      "computer-science", "mathematics",
    ]),
    // TikTok, AI Product Operations Project Intern (Minor Safety).
    ("001_f84331d3e3504e52.txt", [
      "large-language-models", "trust-and-safety", "content-moderation", "data-analysis",
      "model-evaluation", "data-science", "computer-science", "product-management",
    ]),
    // TikTok, ML engineer, Generative AI (Monetization Technology).
    ("002_5489d2a23404bb57.txt", [
      "generative-ai", "large-language-models", "stable-diffusion", "machine-learning",
      "recommender-systems", "natural-language-processing", "computer-vision", "fine-tuning",
      "instruction-tuning", "supervised-fine-tuning", "rlhf", "conversational-ai", "project-management",
      "communication-skills", "computer-science",
    ]),
    // TikTok, LLM Operation Intern (Content Ecosystem).
    ("003_da7c58f8478ec699.txt", [
      "large-language-models", "content-moderation", "trust-and-safety", "recommender-systems",
      "data-quality", "etl",
    ]),
    // TikTok Shop, Machine Learning Engineer Graduate (Conversational AI).
    ("004_09c44c387bbb9da7.txt", [
      "large-language-models", "natural-language-processing", "llm-post-training", "conversational-ai",
      "machine-learning", "computer-vision", "c++", "python", "go", "java", "fine-tuning",
      "knowledge-distillation", "reinforcement-learning", "machine-translation", "ai-agents",
      "retrieval-augmented-generation", "mixture-of-experts", "attention-mechanisms",
      "inference-time-scaling", "distributed-training", "inference-optimization", "model-compression",
      "a-b-testing", "model-evaluation", "deep-learning", "e-commerce", "customer-service",
      "communication-skills", "computer-science",
    ]),
  ]

  @Test("All expected skills are found", arguments: expected.map(\.file))
  func posting(_ file: String) throws {
    let ids = try #require(Self.expected.first { $0.file == file }?.ids)
    let url = SharedData.url("postings-seed").appendingPathComponent(file)
    let document = try #require(try DocumentLoader().loadDocument(at: url.path).first)
    let profiler = SkillProfiler(matcher: try SkillMatcher.shared(language: "english"), asOf: (2026, 5))
    let found = Set(profiler.profile(document, as: .posting).skills.map(\.id))
    let missing = ids.filter { !found.contains($0) }
    print("seed \(file): \(ids.count - missing.count)/\(ids.count) found; missing \(missing)")
    #expect(missing.isEmpty, "\(file): missing \(missing.joined(separator: ", "))")
  }
}
