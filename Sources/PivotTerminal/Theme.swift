import CNcurses
import PivotReader

/// How roles look: colours from terminfo's palette (256, 8 or none), light or dark.
public enum ThemeName: String, CaseIterable, Sendable {
    case dark, light
}

struct Theme {
    /// What the terminal can show, from terminfo (and NO_COLOR).
    enum Depth { case none, eight, full }

    struct Look {
        var foreground: Int16
        var background: Int16
        var attributes: attr_t
    }

    let depth: Depth
    let name: ThemeName
    /// Colours the terminal has (terminfo's colors): pictures drawn for 8 or 16 use those.
    let paletteSize: Int
    private var looks: [Look] = []
    private var highlightLooks: [Look] = []

    /// `colors`: the user's foreground colours for some roles (the config file's), by palette
    /// number; a number past what the terminal shows is left out.
    init(name: ThemeName, depth: Depth, colors: [ColorRole: Int16] = [:], paletteSize: Int = 256) {
        self.name = name
        self.depth = depth
        self.paletteSize = depth == .none ? 0 : paletteSize
        let shown: Int16 = depth == .full ? 255 : (depth == .eight ? 7 : -1)
        func chosen(_ role: ColorRole, highlighted: Bool) -> Look {
            var base = self.look(for: role, highlighted: highlighted)
            if let color = colors[role], color <= shown { base.foreground = color }
            return base
        }
        looks = ColorRole.allCases.map { chosen($0, highlighted: false) }
        highlightLooks = ColorRole.allCases.map { chosen($0, highlighted: true) }
    }

    /// Colour pair numbers: 1... for roles, then the same roles on the highlight background.
    func pair(for role: ColorRole, highlighted: Bool) -> Int16 {
        depth == .none ? 0 : Int16(role.rawValue) + 1 + (highlighted ? Int16(ColorRole.allCases.count) : 0)
    }

    /// Registers the colour pairs with ncurses (after start_color).
    func install() {
        guard depth != .none else { return }
        for role in ColorRole.allCases {
            let plain = looks[Int(role.rawValue)]
            init_pair(pair(for: role, highlighted: false), plain.foreground, plain.background)
            let lit = highlightLooks[Int(role.rawValue)]
            init_pair(pair(for: role, highlighted: true), lit.foreground, lit.background)
        }
    }

    /// The ncurses attributes, colour pair and glyph for a cell. Colour-animation cells get a
    /// pair of their own (ncurses keeps a cache of them); without 256 colours they become a
    /// brightness ramp character.
    func look(for cell: Cell) -> (text: String, attributes: attr_t, pair: Int32) {
        if let palette = cell.style.palette {
            // Pictures drawn for an 8- or 16-colour terminal use its colours only.
            if depth == .full || (depth == .eight && Int(palette.foreground) < paletteSize && Int(palette.background) < paletteSize) {
                return (cell.text, 0, alloc_pair(Int32(palette.foreground), Int32(palette.background)))
            }
            let glyph = PaneDrawing.ramp[PaneDrawing.rampIndex(top: palette.foreground, bottom: palette.background)]
            return (String(glyph), 0, 0)
        }
        let (attributes, pair) = attributes(for: cell.style)
        return (cell.text, attributes, Int32(pair))
    }

    /// The ncurses attributes and pair for a cell's style.
    func attributes(for style: CellStyle) -> (attr_t, Int16) {
        let highlighted = style.attributes.contains(.highlight)
        let look = highlighted ? highlightLooks[Int(style.role.rawValue)] : looks[Int(style.role.rawValue)]
        var attributes = look.attributes
        if style.attributes.contains(.bold) { attributes |= pv_A_BOLD() }
        if style.attributes.contains(.italic) { attributes |= pv_A_ITALIC() }
        if style.attributes.contains(.underline) { attributes |= pv_A_UNDERLINE() }
        if style.attributes.contains(.dim) { attributes |= pv_A_DIM() }
        if style.attributes.contains(.reverse) { attributes |= pv_A_REVERSE() }
        if highlighted && depth != .full { attributes |= pv_A_REVERSE() }
        // Default colours need no pair: every pair switch costs bytes on the wire.
        let usesDefaultColors = look.foreground == -1 && look.background == -1
        return (attributes, usesDefaultColors ? 0 : pair(for: style.role, highlighted: highlighted))
    }

    private func look(for role: ColorRole, highlighted: Bool) -> Look {
        let dark = name == .dark
        let highlightBackground: Int16 = depth == .full ? (dark ? 238 : 253) : -1
        let background: Int16 = highlighted ? highlightBackground : -1
        // Text roles take the terminal's own eight colours even where 256 exist: they follow the
        // user's colour scheme, and `ESC[36m` is half the bytes of `ESC[38;5;80m` on every run
        // of styled text. The 256-colour palette is kept for pictures (GIF frames) and highlights.
        func color(_ full: Int16, _ eight: Int32) -> Int16 { Int16(eight) }
        switch role {
        case .text: return Look(foreground: -1, background: background, attributes: 0)
        case .heading: return Look(foreground: color(dark ? 75 : 25, COLOR_BLUE), background: background, attributes: 0)
        case .title: return Look(foreground: color(dark ? 214 : 130, COLOR_YELLOW), background: background, attributes: 0)
        case .link: return Look(foreground: color(dark ? 80 : 30, COLOR_CYAN), background: background, attributes: 0)
        case .code: return Look(foreground: color(dark ? 180 : 94, COLOR_GREEN), background: background, attributes: 0)
        case .quote: return Look(foreground: color(dark ? 248 : 240, -1), background: background, attributes: 0)
        // Markers and bullets sit on most lines: drawn in the default colour, they cost no bytes.
        case .marker: return Look(foreground: -1, background: background, attributes: 0)
        case .muted: return Look(foreground: -1, background: background, attributes: pv_A_DIM())
        case .rule: return Look(foreground: -1, background: background, attributes: pv_A_DIM())
        case .image: return Look(foreground: color(dark ? 141 : 91, COLOR_MAGENTA), background: background, attributes: 0)
        case .warning: return Look(foreground: color(dark ? 203 : 160, COLOR_RED), background: background, attributes: 0)
        // The header is reverse video; the status line, which changes as the reader scrolls, is
        // plain, so updating its position costs a cursor move and a few digits.
        case .header: return Look(foreground: -1, background: -1, attributes: pv_A_REVERSE())
        case .status: return Look(foreground: -1, background: -1, attributes: 0)
        case .red: return Look(foreground: color(dark ? 203 : 160, COLOR_RED), background: background, attributes: 0)
        case .green: return Look(foreground: color(dark ? 114 : 28, COLOR_GREEN), background: background, attributes: 0)
        case .yellow: return Look(foreground: color(dark ? 221 : 136, COLOR_YELLOW), background: background, attributes: 0)
        case .blue: return Look(foreground: color(dark ? 75 : 25, COLOR_BLUE), background: background, attributes: 0)
        case .magenta: return Look(foreground: color(dark ? 176 : 127, COLOR_MAGENTA), background: background, attributes: 0)
        case .cyan: return Look(foreground: color(dark ? 80 : 30, COLOR_CYAN), background: background, attributes: 0)
        case .white: return Look(foreground: color(dark ? 255 : 16, COLOR_WHITE), background: background, attributes: 0)
        // Code: keywords bold and comments dim come with the style, so they show without colour too.
        case .codeKeyword: return Look(foreground: color(dark ? 221 : 136, COLOR_YELLOW), background: background, attributes: 0)
        case .codeType, .codeVariable:
            return Look(foreground: color(dark ? 80 : 30, COLOR_CYAN), background: background, attributes: 0)
        case .codeString: return Look(foreground: color(dark ? 114 : 28, COLOR_GREEN), background: background, attributes: 0)
        case .codeComment: return Look(foreground: -1, background: background, attributes: 0)
        case .codeNumber, .codePreprocessor:
            return Look(foreground: color(dark ? 176 : 127, COLOR_MAGENTA), background: background, attributes: 0)
        case .codeFunction: return Look(foreground: color(dark ? 75 : 25, COLOR_BLUE), background: background, attributes: 0)
        case .match:
            if depth == .none { return Look(foreground: -1, background: -1, attributes: pv_A_REVERSE()) }
            return Look(foreground: Int16(COLOR_BLACK), background: color(220, COLOR_YELLOW), attributes: 0)
        }
    }
}
