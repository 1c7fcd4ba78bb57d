import Logging
import NIOCore
import NIOSSH

/// Decides who logs in. Anonymous by default: method `none`, any password and any key all
/// succeed, so `ssh HOST` reads the page without a prompt. With `--authorized-keys` only a
/// listed key does (NIOSSH has checked the signature before asking). Never logs a secret.
final class ReaderAuthentication: NIOSSHServerUserAuthenticationDelegate {
    private let authorizedKeys: AuthorizedKeys?
    private let connection: ConnectionState

    init(authorizedKeys: AuthorizedKeys?, connection: ConnectionState) {
        self.authorizedKeys = authorizedKeys
        self.connection = connection
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        authorizedKeys == nil ? [.publicKey, .password] : .publicKey
    }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        let method: String
        var listedAt: Int?
        let accepted: Bool
        switch request.request {
        case .none:
            method = "none"
            accepted = authorizedKeys == nil
        case .password:
            method = "password"
            accepted = authorizedKeys == nil
        case .publicKey(let offer):
            method = "publickey"
            if let authorizedKeys {
                listedAt = authorizedKeys.line(of: offer.publicKey)
                accepted = listedAt != nil
            } else {
                accepted = true
            }
        case .hostBased:
            method = "hostbased"
            accepted = false
        }

        var metadata: Logger.Metadata = ["method": "\(method)", "user": "\(LogValue.sanitized(request.username))"]
        if let listedAt { metadata["key"] = "line-\(listedAt)" }
        if accepted {
            connection.logger.info("auth", metadata: metadata)
        } else if method == "none" {
            // OpenSSH clients always try `none` first: not worth a line of its own.
            connection.logger.debug("auth refused", metadata: metadata)
        } else {
            connection.logger.info("auth refused", metadata: metadata)
            ServerMetrics.loginFailures.increment()
        }
        responsePromise.succeed(accepted ? .success : .failure)
    }
}

/// Refuses every global request: no remote port forwarding (`ssh -R`) of any kind.
struct ForwardingRefusal: GlobalRequestDelegate {
    let connection: ConnectionState

    func tcpForwardingRequest(_ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
                              promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>) {
        if case .listen = request { connection.logger.info("refused", metadata: ["request": "tcpip-forward"]) }
        promise.fail(Refused())
    }

    struct Refused: Error {}
}
