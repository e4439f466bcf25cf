import ArgumentParser
import SupplierTrustScoring

struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Print the scoring policy in effect (the default, or a file checked and completed).",
    discussion: """
      A policy file may set any subset of the keys; the rest keep their defaults. Use this to \
      start your own policy, or to check one: an unknown key or a value out of range is an error \
      that names the line and the fix.

      Examples:
        supplier-trust policy > my-policy.json
        supplier-trust policy --policy my-policy.json
        supplier-trust policy --docs
        supplier-trust policy --policy my-policy.json --hash
      """)

  @Option(help: ArgumentHelp("A policy file to check and print in full.", valueName: "file"))
  var policy: String?

  @ArgumentParser.Flag(help: "Print the documentation of every key (Markdown) instead.")
  var docs = false

  @ArgumentParser.Flag(
    help: "Print only the policy's SHA-256, as outputs name it (snapshots and trends are kept per hash).")
  var hash = false

  func validate() throws {
    if docs && hash { throw ValidationError("--docs and --hash print different things; give one of them.") }
  }

  func run() throws {
    if docs {
      print(PolicyDocumentation.markdown(), terminator: "")
      return
    }
    var options = try CatalogOptions.parse(["--db", "/"])
    options.policy = policy
    let effective = try options.loadPolicy()
    // A script could otherwise learn a policy's hash only by scoring with it (black-box review 53).
    print(hash ? effective.hash : PolicyFile.json(for: effective).rendered())
  }
}
