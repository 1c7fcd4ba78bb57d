import NIOCore

/// What `pivot-tui serve` was started with; fixed for the life of the server.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; port 0 picks a free port (the log says which).
    public var host: String
    public var port: Int
    /// The reader each session with a terminal runs, and its whole argument vector
    /// (argv[0] first). Nothing a remote reader sends ever reaches them.
    public var readerExecutable: String
    public var readerArguments: [String]
    /// The page as plain text, for sessions without a terminal and for `ssh HOST plain`.
    public var plainText: String
    /// True when a site is served: a session's one-word command may then name a page of it.
    public var servesSite = false
    /// On a served site, the page a session opens when it names none (nil: the site index).
    public var sitePage: String?
    /// Who may log in: anyone when nil, otherwise only the holders of these keys.
    public var authorizedKeys: AuthorizedKeys?
    public var limits: ServerLimits
    /// Behind a load balancer: every connection starts with a PROXY protocol header, from a
    /// peer in these ranges, naming the client (nil: no header is read).
    public var proxyProtocol: [AddressRange]?
    /// Where `/metrics` and `/healthz` are served (nil: nowhere).
    public var metrics: (host: String, port: Int)?

    public init(host: String, port: Int, readerExecutable: String, readerArguments: [String],
                plainText: String, authorizedKeys: AuthorizedKeys?, limits: ServerLimits) {
        self.host = host
        self.port = port
        self.readerExecutable = readerExecutable
        self.readerArguments = readerArguments
        self.plainText = plainText
        self.authorizedKeys = authorizedKeys
        self.limits = limits
    }
}

/// The bounds that keep one reader, or one address, from taking the server.
public struct ServerLimits: Sendable {
    /// Sessions at once, in all.
    public var maxSessions = 64
    /// Sessions at once from one IP address.
    public var maxSessionsPerAddress = 8
    /// No key from the reader for this long ends the session. Output does not count: an
    /// animation would otherwise keep an abandoned session alive forever.
    public var idleTimeout = TimeAmount.seconds(600)
    /// A connection must log in and start its session within this time.
    public var loginGrace = TimeAmount.seconds(30)
    /// After SIGTERM, how long readers get to leave before their connections are cut.
    public var shutdownGrace = TimeAmount.seconds(3)
    /// After SIGUSR2 (a drain), how long open sessions may go on before the shutdown.
    public var drainTimeout = TimeAmount.minutes(10)

    public init() {}

    /// TCP connections beyond these are closed at once, without a word: they cannot be
    /// told anything before the SSH handshake, and they would only wait for a refusal.
    var maxConnections: Int { maxSessions * 2 }
    var maxConnectionsPerAddress: Int { maxSessionsPerAddress * 2 }
}
