/// Collects an HTML `<table>` (`<thead>`, `<tbody>`, `<tfoot>`, `<tr>`, `<th>`, `<td>`, `colspan`)
/// into the same `Table` a Markdown table makes, so it is laid out the same way.
struct HTMLTableBuilder {
    private var header: [Inlines]?
    private var rows: [[Inlines]] = []
    private var row: [Inlines]?
    private var rowIsHeader = true
    private var inHead = false
    /// Columns the cell being read spans.
    private var span = 1
    private var cellIsHeader = false
    /// Most columns kept: a hostile `colspan` cannot make a table thousands of columns wide.
    static let columnLimit = 64

    mutating func startSection(_ name: String) {
        inHead = name == "thead"
    }

    mutating func startRow() {
        endRow()
        row = []
        rowIsHeader = true
    }

    mutating func startCell(isHeader: Bool, colspan: String?) {
        if row == nil { startRow() }
        cellIsHeader = isHeader
        span = min(Self.columnLimit, max(1, Int(colspan ?? "") ?? 1))
    }

    /// The text read for the cell that ends.
    mutating func endCell(_ content: Inlines) {
        guard row != nil else { return }
        if !cellIsHeader { rowIsHeader = false }
        var trimmed = content
        while let first = trimmed.first, first.text.allSatisfy({ $0 == " " }) { trimmed.removeFirst() }
        while let last = trimmed.last, last.text.allSatisfy({ $0 == " " }) { trimmed.removeLast() }
        if !trimmed.isEmpty {
            trimmed[0].text = String(trimmed[0].text.drop { $0 == " " })
            while trimmed[trimmed.count - 1].text.hasSuffix(" ") { trimmed[trimmed.count - 1].text.removeLast() }
        }
        for index in 0..<span where (row?.count ?? 0) < Self.columnLimit { row?.append(index == 0 ? trimmed : []) }
        span = 1
        cellIsHeader = false
    }

    mutating func endRow() {
        guard let finished = row else { return }
        row = nil
        guard !finished.isEmpty else { return }
        // The first row is the header when it is in <thead> or made of <th> cells, as browsers style it.
        if header == nil, rows.isEmpty, inHead || rowIsHeader { header = finished } else { rows.append(finished) }
    }

    mutating func table() -> Table? {
        endRow()
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return nil }
        func padded(_ cells: [Inlines]) -> [Inlines] { cells + Array(repeating: [], count: columns - cells.count) }
        return Table(alignments: Array(repeating: .none, count: columns), header: header.map(padded) ?? [],
                     rows: rows.map(padded))
    }
}
