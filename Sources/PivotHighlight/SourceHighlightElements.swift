import PivotDocument

/// Source-highlight's element names (its style files' vocabulary) as the kinds the theme colours.
/// Brackets and operators (`symbol`, `cbracket`) stay plain, as most code themes show them.
enum SourceHighlightElements {
    static func kind(of element: UnsafePointer<CChar>) -> CodeTokenKind? {
        kinds[String(cString: element)]
    }

    static let kinds: [String: CodeTokenKind] = [
        "keyword": .keyword, "label": .keyword,
        "type": .type, "usertype": .type, "classname": .type,
        "string": .string, "regexp": .string, "specialchar": .string, "value": .string, "url": .string,
        "comment": .comment, "todo": .comment,
        "number": .number,
        "preproc": .preprocessor, "attribute": .preprocessor,
        "function": .function,
        "variable": .variable, "property": .variable, "selector": .variable,
    ]
}
