/// The xterm 256-colour palette, for colour animations.
public enum Palette {
    static let levels: [Double] = [0, 95, 135, 175, 215, 255]
    /// The 16 system colours as xterm draws them (terminals vary; these are only for brightness).
    static let system: [(Double, Double, Double)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    public static func rgb(_ index: UInt8) -> (red: Double, green: Double, blue: Double) {
        if index < 16 { return system[Int(index)] }
        if index >= 232 {
            let value = Double(8 + (Int(index) - 232) * 10)
            return (value, value, value)
        }
        let cube = Int(index) - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }

    /// Brightness of a palette colour, 0 to 1 (Rec. 601 weights, as jp2a uses).
    public static func luminance(_ index: UInt8) -> Double {
        let color = rgb(index)
        return (0.2989 * color.red + 0.5866 * color.green + 0.1145 * color.blue) / 255
    }

    /// The nearest colour of the 6x6x6 cube and the 24 greys (16-255; the system colours vary too much).
    public static func nearest(red: Double, green: Double, blue: Double) -> UInt8 {
        func nearestLevel(_ value: Double) -> Int {
            levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) }!
        }
        let r = nearestLevel(red), g = nearestLevel(green), b = nearestLevel(blue)
        let cubeDistance = distance((red, green, blue), (levels[r], levels[g], levels[b]))
        let greyStep = min(23, max(0, Int((((red + green + blue) / 3 - 8) / 10).rounded())))
        let grey = Double(8 + greyStep * 10)
        if distance((red, green, blue), (grey, grey, grey)) < cubeDistance { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }

    private static func distance(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }
}
