import CYaml

/// Reads YAML with libyaml's event parser into `YAMLValue`s, within fixed bounds.
public enum YAMLReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Nesting deeper than this is refused (a hostile page could nest thousands of levels).
    public static let depthLimit = 64
    /// More nodes than this are refused.
    public static let nodeLimit = 100_000

    /// The first document of `text`, or `.null` when it is empty.
    public static func read(_ text: String) throws -> YAMLValue {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(message: "cannot start the YAML parser") }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Failure(message: describeError(parser))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT || event.type == YAML_DOCUMENT_END_EVENT {
                    return builder.result ?? .null
                }
                try builder.consume(event)
            }
        }
    }

    private static func describeError(_ parser: yaml_parser_t) -> String {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        return "\(problem) at line \(parser.problem_mark.line + 1), column \(parser.problem_mark.column + 1)"
    }

    /// Assembles values from events with an explicit stack (no recursion, so depth is bounded by us).
    /// Frames are objects so that each value is appended in place, not by copying the array.
    private struct Builder {
        final class Frame {
            var items: [YAMLValue] = []
            var pairs: [(key: String, value: YAMLValue)] = []
            var pendingKey: String?
            let isMapping: Bool
            init(isMapping: Bool) { self.isMapping = isMapping }
        }
        var stack: [Frame] = []
        var result: YAMLValue?
        var nodes = 0

        mutating func consume(_ event: yaml_event_t) throws {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let isNull = scalar.style == YAML_PLAIN_SCALAR_STYLE && ["", "~", "null", "Null", "NULL"].contains(text)
                try add(isNull ? .null : .scalar(text))
            case YAML_ALIAS_EVENT:
                try add(.null)
            case YAML_SEQUENCE_START_EVENT:
                try push(Frame(isMapping: false))
            case YAML_MAPPING_START_EVENT:
                try push(Frame(isMapping: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                try add(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), counted: false)
            default:
                break
            }
        }

        mutating func push(_ frame: Frame) throws {
            guard stack.count < YAMLReader.depthLimit else {
                throw Failure(message: "YAML nested deeper than \(YAMLReader.depthLimit) levels")
            }
            nodes += 1
            stack.append(frame)
        }

        mutating func add(_ value: YAMLValue, counted: Bool = true) throws {
            if counted {
                nodes += 1
                guard nodes <= YAMLReader.nodeLimit else {
                    throw Failure(message: "YAML has more than \(YAMLReader.nodeLimit) nodes")
                }
            }
            guard let top = stack.last else {
                result = value
                return
            }
            if !top.isMapping {
                top.items.append(value)
            } else if let key = top.pendingKey {
                top.pairs.append((key: key, value: value))
                top.pendingKey = nil
            } else {
                top.pendingKey = value.summary
            }
        }
    }
}
