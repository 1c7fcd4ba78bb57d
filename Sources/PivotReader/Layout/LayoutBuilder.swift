import PivotAnimation
import PivotDocument

/// Walks the document's blocks and emits lines. Columns are in the reading column; content
/// starts after the marker gutter, and nested blocks indent from there.
struct LayoutBuilder {
    let document: Document
    let options: LayoutOptions
    let folds: Set<Int>
    /// Text animations standing in for images, by image source.
    let standIns: [String: Animation]
    private(set) var lines: [LayoutLine] = []

    private var sectionStack: [Int] = []
    /// A fold marker (and a list bullet) waiting for the next line of text.
    private var pendingMarker: (section: Int, column: Int)?
    private var pendingBullet: Run?

    init(document: Document, options: LayoutOptions, folds: Set<Int>, standIns: [String: Animation]) {
        self.document = document
        self.options = options
        self.folds = folds
        self.standIns = standIns
    }

    private var glyphs: Glyphs { options.glyphs }
    private var width: Int { max(LayoutOptions.minimumWidth, options.width) }
    private var gutter: Int { options.showsMarkers ? 2 : 0 }
    /// Indentation stops here, so deeply nested lists and quotes keep about half the line for text.
    private var columnLimit: Int { max(gutter, width / 2 - 2) }

    /// Lays out `units[window]`. Over every unit this is the whole page; a window of them gives
    /// the same lines as the whole page does there (but the window's first separator).
    mutating func layOut(_ units: LayoutUnits, window: Range<Int>) {
        for index in window {
            let unit = units[index]
            // A marker waits for its section's first line of text, never past the section's end.
            if let pending = pendingMarker, !unit.sections.contains(pending.section) { pendingMarker = nil }
            sectionStack = unit.sections
            if let separator = unit.separator { separate(anchor: separator.anchor, section: separator.section) }
            if let id = unit.opensSection, options.showsMarkers { pendingMarker = (id, gutter - 2) }
            switch unit.content {
            case .block(let block):
                self.block(block, column: gutter)
            case .summary(let id, let body, let order):
                summary(of: id, body: body, bullet: nil, column: gutter, markerColumn: gutter - 2, order: order)
            case .nothing:
                break
            }
        }
    }

    // MARK: - Sequences

    private mutating func blocks(_ blocks: [Block], column: Int, separated: Bool) {
        for (index, block) in blocks.enumerated() {
            if separated || index > 0 { separate(before: block) }
            self.block(block, column: column)
        }
    }

    /// In a tight list item, a nested list follows its paragraph without a blank line.
    private func isListContinuation(_ block: Block, after previous: Block) -> Bool {
        if case .list = block.kind, case .paragraph = previous.kind { return true }
        return false
    }

    private mutating func separate(before block: Block) {
        separate(anchor: Anchor(order: block.order, offset: -1), section: sectionStack.last)
    }

    private mutating func separate(anchor: Anchor, section: Int?) {
        guard let last = lines.last, !last.isBlank else { return }
        lines.append(LayoutLine(section: section, anchor: anchor))
    }

    // MARK: - Blocks

    private mutating func block(_ block: Block, column unclamped: Int) {
        let column = min(unclamped, columnLimit)
        let start = lines.count
        defer { if block.isCentered { center(lines: start..<lines.count, column: column) } }
        switch block.kind {
        case .paragraph(let spans):
            text(spans, base: CellStyle(), column: column, order: block.order)
        case .heading(let level, let spans):
            let style = level == 1 ? CellStyle(.title, .bold) : CellStyle(.heading, level == 2 ? [.bold, .underline] : .bold)
            text(spans, base: style, column: column, order: block.order)
        case .rule:
            let count = max(1, width - column)
            emit([Run(column: column, text: String(repeating: glyphs.rule, count: count), style: CellStyle(.rule))],
                 order: block.order, offset: 0)
        case .image(let image):
            if let animation = standIns[image.source] {
                pane(animation, for: image, column: column, order: block.order)
            } else {
                text([Span(image.label)], base: CellStyle(.image), column: column, order: block.order)
            }
        case .code(_, let code):
            let lines = CodeLines(text: code, tokens: block.codeTokens, showsLineNumbers: block.showsLineNumbers)
            for (offset, piece) in lines.pieces(width: width - column - 2).enumerated() {
                var runs: [Run] = []
                var at = column + 2
                for (text, style) in piece {
                    runs.append(Run(column: at, text: text, style: style))
                    at += CellWidth.of(text)
                }
                emit(runs, order: block.order, offset: offset, keepBlank: true)
            }
        case .quote(let inner) where block.isDefinition:
            blocks(inner, column: min(column + 4, columnLimit), separated: false)
        case .quote(let inner):
            let start = lines.count
            blocks(inner, column: min(column + 2, columnLimit), separated: false)
            for index in start..<lines.count where !lines[index].isBlank || index < lines.count - 1 {
                // Past the indentation limit, inner quotes share their bar with the outer one.
                if lines[index].runs.contains(where: { $0.column == column }) { continue }
                // A callout's bar takes its kind's colour, and its text stays as bright as the page's.
                let bar = block.callout.map { CellStyle(Self.role(of: $0)) } ?? CellStyle(.quote)
                lines[index].runs.insert(Run(column: column, text: glyphs.quote, style: bar), at: 0)
                if let callout = block.callout {
                    // The label, first line of the box, in the box's colour.
                    if index == start {
                        lines[index].runs = lines[index].runs.map { run in
                            var run = run
                            if run.style.role == .text { run.style.role = Self.role(of: callout) }
                            return run
                        }
                    }
                    continue
                }
                lines[index].runs = lines[index].runs.map { run in
                    var run = run
                    if run.style.role == .text { run.style.role = .quote }
                    return run
                }
            }
        case .list(let list):
            self.list(list, column: column, depth: 0)
        case .table(let table):
            var tableLayout = TableLayout(table: table, glyphs: glyphs, width: width - column, links: document.links,
                                          linkNumberOffset: document.linkNumberOffset)
            for (offset, row) in tableLayout.rows().enumerated() {
                emit(row.map { Run(column: column + $0.column, text: $0.text, style: $0.style) },
                     order: block.order, offset: offset)
            }
        case .section(let id, let body):
            section(id, body: body, column: column, order: block.order)
        }
    }

    /// Moves each of the lines to the middle of the width left of `column`.
    private mutating func center(lines range: Range<Int>, column: Int) {
        for index in range where !lines[index].isBlank && lines[index].pane == nil {
            let end = lines[index].runs.map { $0.column + CellWidth.of($0.text) }.max() ?? column
            let shift = max(0, (width - end) / 2)
            guard shift > 0 else { continue }
            lines[index].runs = lines[index].runs.map { run in
                var run = run
                run.column += shift
                return run
            }
            if lines[index].marker != nil { lines[index].markerColumn += shift }
        }
    }

    // MARK: - Text

    private mutating func text(_ spans: Inlines, base: CellStyle, column: Int, order: Int) {
        let pieces = InlineStyling.pieces(spans, base: base, links: document.links, glyphs: glyphs,
                                          numberOffset: document.linkNumberOffset)
        for line in TextWrapper.wrap(pieces, width: width - column) {
            var runs: [Run] = []
            var x = column
            for run in line.runs {
                runs.append(Run(column: x, text: run.text, style: run.style))
                x += CellWidth.of(run.text)
            }
            emit(runs, order: order, offset: line.offset)
        }
    }

    /// Appends a line, taking any pending marker and bullet.
    private mutating func emit(_ runs: [Run], order: Int, offset: Int, keepBlank: Bool = false) {
        var line = LayoutLine(runs: runs, section: sectionStack.last, anchor: Anchor(order: order, offset: offset))
        if let bullet = pendingBullet {
            line.runs.insert(bullet, at: 0)
            pendingBullet = nil
        }
        if let marker = pendingMarker {
            line.runs.insert(markerRun(folded: false, column: marker.column), at: 0)
            line.marker = marker.section
            line.markerColumn = marker.column
            pendingMarker = nil
        }
        if line.runs.isEmpty && keepBlank {
            line.runs = [Run(column: 0, text: "", style: .plain)]
        }
        lines.append(line)
    }

    static func role(of callout: Callout) -> ColorRole {
        switch callout {
        case .note, .info: return .blue
        case .tip: return .green
        case .important: return .magenta
        case .warning: return .yellow
        case .caution, .danger: return .red
        }
    }

    private func markerRun(folded: Bool, column: Int) -> Run {
        Run(column: column, text: folded ? glyphs.folded : glyphs.unfolded, style: CellStyle(.marker))
    }

    // MARK: - Animation panes

    /// A framed pane holding the animation's first frame (the render draws the current one),
    /// centred, with a caption; a caption and a note when the window cannot hold it.
    private mutating func pane(_ animation: Animation, for image: Image, column: Int, order: Int) {
        let host = StandInNames.host(of: image.source)
        let caption = (image.alt.isEmpty ? "animation" : image.alt) + (host.map { glyphs.captionSeparator + $0 } ?? "")
        let available = width - column
        let boxWidth = animation.width + 2
        guard boxWidth <= available, animation.height + 3 <= options.paneHeightLimit else {
            text([Span("[animation: \(caption)]"), Span(" too small a window to play it", style: .dim)],
                 base: CellStyle(.image), column: column, order: order)
            return
        }
        let left = column + (available - boxWidth) / 2
        let border = CellStyle(.rule)
        let horizontal = String(repeating: glyphs.rule, count: animation.width)
        emit([Run(column: left, text: glyphs.corners[0] + horizontal + glyphs.corners[1], style: border)],
             order: order, offset: 0)
        for row in 0..<animation.height {
            let frameRuns = PaneDrawing.runs(animation, frame: 0, row: row, column: left + 1, color: options.colorPanes)
            emit([Run(column: left, text: glyphs.quote, style: border)] + frameRuns
                    + [Run(column: left + 1 + animation.width, text: glyphs.quote, style: border)],
                 order: order, offset: row + 1)
            lines[lines.count - 1].pane = PaneSlot(source: image.source, row: row, column: left + 1)
        }
        emit([Run(column: left, text: glyphs.corners[2] + horizontal + glyphs.corners[3], style: border)],
             order: order, offset: animation.height + 1)
        let captionWidth = CellWidth.of(caption)
        let captionLeft = column + max(0, (available - captionWidth) / 2)
        let shown = captionWidth > available ? CellWidth.prefix(of: caption, fitting: available) : caption
        emit([Run(column: captionLeft, text: shown, style: CellStyle(.muted, .italic))],
             order: order, offset: animation.height + 2)
    }

    // MARK: - Lists

    private mutating func list(_ list: ListBlock, column: Int, depth: Int) {
        let bulletColumn = min(column + 2, columnLimit)
        let numberWidth = list.ordered ? String(list.start + list.items.count - 1).count + 1 : 1
        let textColumn = min(bulletColumn + numberWidth + 1, columnLimit + 4)
        for (index, item) in list.items.enumerated() {
            if index > 0, !list.tight, let first = item.blocks.first { separate(before: first) }
            var bullet = list.ordered ? "\(list.start + index)." : glyphs.bullets[depth % glyphs.bullets.count]
            if let checked = item.checked { bullet += " " + (checked ? glyphs.checked : glyphs.unchecked) }
            let itemTextColumn = item.checked == nil ? textColumn : textColumn + CellWidth.of(glyphs.checked) + 1
            let bulletRun = Run(column: bulletColumn, text: bullet, style: CellStyle(.marker))
            if let id = item.section {
                if folds.contains(id) {
                    summary(of: id, body: item.blocks, bullet: bulletRun, column: itemTextColumn,
                            markerColumn: bulletColumn - 2, order: item.blocks.first?.order ?? 0)
                    continue
                }
                if options.showsMarkers { pendingMarker = (id, bulletColumn - 2) }
                sectionStack.append(id)
            }
            pendingBullet = bulletRun
            for (blockIndex, block) in item.blocks.enumerated() {
                if blockIndex > 0 {
                    let continues = list.tight || isListContinuation(block, after: item.blocks[blockIndex - 1])
                    if !continues { separate(before: block) }
                }
                if case .list(let nested) = block.kind {
                    self.list(nested, column: itemTextColumn, depth: depth + 1)
                } else {
                    self.block(block, column: itemTextColumn)
                }
            }
            if pendingBullet != nil {  // an empty item still shows its bullet
                emit([], order: item.blocks.first?.order ?? 0, offset: 0)
            }
            if item.section != nil { sectionStack.removeLast() }
        }
    }

    // MARK: - Sections

    private mutating func section(_ id: Int, body: [Block], column: Int, order: Int) {
        if folds.contains(id) {
            // The summary stands where the body's first line stood, so folding and unfolding keep the place.
            summary(of: id, body: body, bullet: nil, column: column, markerColumn: column - 2,
                    order: body.first?.order ?? order)
            return
        }
        sectionStack.append(id)
        defer { sectionStack.removeLast() }
        if options.showsMarkers { pendingMarker = (id, column - 2) }
        blocks(body, column: column, separated: false)
        pendingMarker = nil
    }

    /// A folded section's one line: marker, title and a preview of what is folded away.
    private mutating func summary(of id: Int, body: [Block], bullet: Run?, column: Int, markerColumn: Int, order: Int) {
        let section = document.sections[id]
        var runs: [Run] = []
        if options.showsMarkers { runs.append(markerRun(folded: true, column: markerColumn)) }
        if let bullet { runs.append(bullet) }
        let available = width - column
        let titleStyle: CellStyle
        if case .heading(let level) = section.kind {
            titleStyle = level == 1 ? CellStyle(.title, .bold) : CellStyle(.heading, .bold)
        } else {
            titleStyle = CellStyle(.text, .bold)
        }
        let title = CellWidth.of(section.title) > available
            ? CellWidth.prefix(of: section.title, fitting: available - CellWidth.of(glyphs.ellipsis)) + glyphs.ellipsis
            : section.title
        runs.append(Run(column: column, text: title, style: titleStyle))
        var used = CellWidth.of(title)
        let preview = Preview.text(of: body, after: section.title, kind: section.kind)
        let room = available - used - CellWidth.of(glyphs.previewSeparator)
        if !preview.isEmpty, room > 4 {
            var shown = preview
            if CellWidth.of(shown) > room {
                shown = CellWidth.prefix(of: shown, fitting: room - CellWidth.of(glyphs.ellipsis)) + glyphs.ellipsis
            }
            runs.append(Run(column: column + used, text: glyphs.previewSeparator + shown, style: CellStyle(.muted, .dim)))
            used += CellWidth.of(glyphs.previewSeparator + shown)
        }
        var line = LayoutLine(runs: runs, section: id, anchor: Anchor(order: order, offset: 0))
        if options.showsMarkers {
            line.marker = id
            line.markerColumn = markerColumn
        }
        lines.append(line)
    }
}
