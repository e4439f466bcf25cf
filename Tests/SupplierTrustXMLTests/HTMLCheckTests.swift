import SupplierTrustXML
import Testing

@Suite struct HTMLCheckTests {
  @Test func elementsAttributesAndTextComeBackInDocumentOrder() throws {
    let html = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>T &amp; U</title></head>
      <body><p class="a" hidden>one <b>two</b> &lt;three&gt;</p><script>if (a < b && c) {}</script>
      <!-- note --></body></html>
      """
    let doc = HTMLCheck.parse(html)
    #expect(doc.errors.isEmpty, "\(doc.errors)")
    let p = try #require(doc.elements(named: "p").first)
    #expect(doc.nodes[p].attribute("CLASS") == "a")
    #expect(doc.nodes[p].attribute("hidden") == "")
    #expect(doc.textContent(of: p) == "one two <three>")
    #expect(doc.nodes[p].line == 3)
    let b = try #require(doc.elements(named: "b").first)
    #expect(doc.ancestors(of: b).first == p)
    #expect(doc.ancestors(of: b).map { doc.nodes[$0].name } == ["p", "body", "html"])
    let script = try #require(doc.elements(named: "script").first)
    #expect(doc.textContent(of: script) == "if (a < b && c) {}")
    #expect(doc.textContent(of: try #require(doc.elements(named: "title").first)) == "T & U")
    #expect(doc.nodes.contains { $0.kind == .comment && $0.text == " note " })
  }

  @Test func htmlFiveAndSVGTagsAreReportedAsUnknownNotAsErrors() {
    let doc = HTMLCheck.parse(
      "<!DOCTYPE html><html><body><main><svg role=\"img\"><rect x=\"1\" /><text>a</text></svg></main></body></html>"
    )
    #expect(doc.errors.isEmpty, "\(doc.errors)")
    #expect(doc.unknownTags == ["main", "svg", "rect", "text"])
    let rect = doc.elements(named: "rect")
    #expect(rect.count == 1)
    // The self-closed rect does not swallow the text after it.
    #expect(doc.nodes[rect[0]].end == rect[0] + 1)
  }

  @Test func brokenMarkupIsReported() {
    let doc = HTMLCheck.parse("<html><body><div><p>unclosed</span></div><a href=\"x>y</a></body></html>")
    #expect(!doc.errors.isEmpty)
    #expect(doc.errors.allSatisfy { $0.line >= 1 && !$0.message.isEmpty })
  }

  @Test func emptyInputGivesNothing() {
    let doc = HTMLCheck.parse("")
    #expect(doc.nodes.isEmpty && doc.issues.isEmpty)
  }
}
