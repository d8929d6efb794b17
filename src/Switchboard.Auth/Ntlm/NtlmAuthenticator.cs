using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// The NTLM handshake of MS-SIPAE (§3.2.5/§3.3.5) with NTLMv2 verification (MS-NLMP §3.3.2).
/// Off unless <see cref="AuthenticationOptions.AdvertiseNtlm"/>. A successful AUTHENTICATE establishes a
/// security association (<see cref="NtlmSecurityContext"/>) whose keys verify the client's later signed requests
/// (crand/cnum/response) and sign our responses (rspauth).
/// </summary>
public sealed class NtlmAuthenticator
{
    private const int MaxGssapiDataLength = 4096;
    private const int NtProofLength = 16;
    private const int MinimumBlobLength = 28; // RespType, HiRespType, reserved, timestamp, client challenge, reserved

    private readonly AuthenticationOptions _options;
    private readonly INtlmCredentialStore _store;
    private readonly NtlmSecurityAssociations _associations;
    private readonly NtlmSecurityContexts _contexts;

    public NtlmAuthenticator(IOptions<AuthenticationOptions> options, INtlmCredentialStore store, TimeProvider time)
        : this(options.Value, store, time)
    {
    }

    public NtlmAuthenticator(AuthenticationOptions options, INtlmCredentialStore store, TimeProvider time)
    {
        _options = options;
        _store = store;
        _associations = new NtlmSecurityAssociations(options.NtlmMaxSecurityAssociations, options.NtlmHandshakeLifetime, time);
        _contexts = new NtlmSecurityContexts(options.NtlmMaxSecurityAssociations, options.NtlmSecurityAssociationIdleLifetime, time);
    }

    public NtlmSecurityAssociations Associations => _associations;

    public NtlmSecurityContexts Contexts => _contexts;

    /// <summary><c>NTLM realm="SIP Communications Service", targetname="…", version=3</c>, or null when NTLM is not advertised.</summary>
    public string? CreateChallenge() =>
        _options.AdvertiseNtlm ? Common(new AuthHeaderWriter("NTLM")).Token("version", Version).ToString() : null;

    /// <param name="signed">The request's signed fields; needed for every request after the handshake.</param>
    public async ValueTask<AuthVerdict> VerifyAsync(AuthHeader header, SipSignatureFields? signed = null, CancellationToken cancellationToken = default)
    {
        if (!header.IsScheme("NTLM") || !_options.AdvertiseNtlm)
        {
            return AuthVerdict.NoCredentials();
        }

        // MS-SIPAE §3.3.5.2: only credentials carrying this server's realm and targetname are ours.
        if (!string.Equals(header.Get("realm"), _options.NtlmRealm, StringComparison.Ordinal)
            || !string.Equals(header.Get("targetname"), _options.NtlmTargetName, StringComparison.OrdinalIgnoreCase))
        {
            return AuthVerdict.NoCredentials();
        }

        var data = header.Get("gssapi-data");
        if (data is null)
        {
            return VerifySigned(header, signed);
        }

        var message = new byte[Math.Min(data.Length, MaxGssapiDataLength)];
        if (data.Length > MaxGssapiDataLength || !Convert.TryFromBase64String(data, message, out var length))
        {
            return AuthVerdict.Unauthorized("gssapi-data is not base64 or too long");
        }

        var bytes = message.AsMemory(0, length);
        return NtlmMessage.TypeOf(bytes.Span) switch
        {
            NtlmMessageType.Negotiate => OnNegotiate(bytes.Span),
            NtlmMessageType.Authenticate => await OnAuthenticateAsync(bytes, header, signed, cancellationToken).ConfigureAwait(false),
            _ => AuthVerdict.Unauthorized("gssapi-data is not an NTLM NEGOTIATE or AUTHENTICATE message"),
        };
    }

    private AuthVerdict OnNegotiate(ReadOnlySpan<byte> message)
    {
        if (!NtlmNegotiateMessage.TryParse(message, out var negotiate))
        {
            return AuthVerdict.Unauthorized("malformed NEGOTIATE");
        }

        var serverChallenge = RandomNumberGenerator.GetBytes(8);
        var opaque = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _associations.Add(opaque, serverChallenge);
        var challenge = NtlmChallengeMessage.Write(negotiate.Flags, serverChallenge, _options.NtlmDomain, _options.NtlmTargetName);
        var value = new AuthHeaderWriter("NTLM")
            .Quoted("opaque", opaque)
            .Quoted("gssapi-data", Convert.ToBase64String(challenge));
        return AuthVerdict.Continue(Common(value).Token("version", Version).ToString());
    }

    private AuthVerdict VerifySigned(AuthHeader header, SipSignatureFields? signed)
    {
        var context = header.Get("opaque") is { } opaque ? _contexts.Find(opaque) : null;
        if (context is null)
        {
            return AuthVerdict.Unauthorized("unknown or expired NTLM security association");
        }

        return IsSignedBy(context, header, signed)
            ? AuthVerdict.Ok(context)
            : AuthVerdict.Unauthorized("missing, wrong or replayed NTLM message signature", context.User);
    }

    private static bool IsSignedBy(NtlmSecurityContext context, AuthHeader header, SipSignatureFields? signed) =>
        signed is not null
        && header.Get("crand") is { } crand && header.Get("cnum") is { } cnum && header.Get("response") is { } response
        && context.VerifyRequest(signed, crand, cnum, response);

    private async ValueTask<AuthVerdict> OnAuthenticateAsync(
        ReadOnlyMemory<byte> message, AuthHeader header, SipSignatureFields? signed, CancellationToken cancellationToken)
    {
        var opaque = header.Get("opaque");
        var serverChallenge = opaque is null ? null : _associations.Take(opaque);
        if (serverChallenge is null)
        {
            return AuthVerdict.Unauthorized("unknown or expired NTLM security association");
        }

        if (!NtlmAuthenticateMessage.TryParse(message.Span, out var authenticate))
        {
            return AuthVerdict.Unauthorized("malformed AUTHENTICATE");
        }

        if (authenticate.NtChallengeResponse.Length < NtProofLength + MinimumBlobLength)
        {
            return AuthVerdict.Unauthorized("not an NTLMv2 response (NTLMv1 and anonymous are refused)", authenticate.User);
        }

        var ntHash = await _store.GetNtHashAsync(authenticate.User, authenticate.Domain, cancellationToken).ConfigureAwait(false);
        if (ntHash is null)
        {
            return AuthVerdict.Unauthorized("unknown user", authenticate.User);
        }

        var ntowf = NtlmCrypto.NtowfV2(ntHash, authenticate.User, authenticate.Domain);
        var blob = authenticate.NtChallengeResponse.AsSpan(NtProofLength);
        var expected = NtlmCrypto.NtProofStr(ntowf, serverChallenge, blob);
        if (!CryptographicOperations.FixedTimeEquals(expected, authenticate.NtChallengeResponse.AsSpan(0, NtProofLength)))
        {
            return AuthVerdict.Unauthorized("wrong NTLMv2 proof", authenticate.User);
        }

        var keys = NtlmSessionKeys.Derive(authenticate.Flags, NtlmCrypto.SessionBaseKey(ntowf, expected), authenticate.EncryptedRandomSessionKey);
        if (keys is null)
        {
            return AuthVerdict.Ok(authenticate.User); // no extended session security: nothing can be signed
        }

        var context = new NtlmSecurityContext(opaque!, authenticate.User, keys, _options.NtlmRealm, _options.NtlmTargetName, ClientVersion(header));
        _contexts.Add(context);

        // Microsoft clients sign the AUTHENTICATE request itself; a signature that is there must be right.
        return header.Get("response") is null || IsSignedBy(context, header, signed)
            ? AuthVerdict.Ok(context)
            : AuthVerdict.Unauthorized("wrong NTLM message signature", authenticate.User);
    }

    private int ClientVersion(AuthHeader header) =>
        int.TryParse(header.Get("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : _options.NtlmVersion;

    private string Version => _options.NtlmVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private AuthHeaderWriter Common(AuthHeaderWriter writer) =>
        writer.Quoted("realm", _options.NtlmRealm).Quoted("targetname", _options.NtlmTargetName);
}
