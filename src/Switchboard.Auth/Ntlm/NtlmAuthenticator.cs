using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// The NTLM handshake of MS-SIPAE (§3.2.5/§3.3.5) with NTLMv2 verification (MS-NLMP §3.3.2).
/// Off unless <see cref="AuthenticationOptions.AdvertiseNtlm"/>. Message signing after the handshake
/// (crand/cnum/rspauth) is not implemented: see docs/authentication.md.
/// </summary>
public sealed class NtlmAuthenticator
{
    private const int MaxGssapiDataLength = 4096;
    private const int NtProofLength = 16;
    private const int MinimumBlobLength = 28; // RespType, HiRespType, reserved, timestamp, client challenge, reserved

    private readonly AuthenticationOptions _options;
    private readonly INtlmCredentialStore _store;
    private readonly NtlmSecurityAssociations _associations;

    public NtlmAuthenticator(IOptions<AuthenticationOptions> options, INtlmCredentialStore store, TimeProvider time)
        : this(options.Value, store, time)
    {
    }

    public NtlmAuthenticator(AuthenticationOptions options, INtlmCredentialStore store, TimeProvider time)
    {
        _options = options;
        _store = store;
        _associations = new NtlmSecurityAssociations(options.NtlmMaxSecurityAssociations, options.NtlmHandshakeLifetime, time);
    }

    public NtlmSecurityAssociations Associations => _associations;

    /// <summary><c>NTLM realm="SIP Communications Service", targetname="…", version=3</c>, or null when NTLM is not advertised.</summary>
    public string? CreateChallenge() =>
        _options.AdvertiseNtlm ? Common(new AuthHeaderWriter("NTLM")).Token("version", Version).ToString() : null;

    public async ValueTask<AuthVerdict> VerifyAsync(AuthHeader header, CancellationToken cancellationToken = default)
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
            return AuthVerdict.Unauthorized("signed request without gssapi-data: NTLM message signatures are not supported");
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
            NtlmMessageType.Authenticate => await OnAuthenticateAsync(bytes, header.Get("opaque"), cancellationToken).ConfigureAwait(false),
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

    private async ValueTask<AuthVerdict> OnAuthenticateAsync(ReadOnlyMemory<byte> message, string? opaque, CancellationToken cancellationToken)
    {
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
        return CryptographicOperations.FixedTimeEquals(expected, authenticate.NtChallengeResponse.AsSpan(0, NtProofLength))
            ? AuthVerdict.Ok(authenticate.User)
            : AuthVerdict.Unauthorized("wrong NTLMv2 proof", authenticate.User);
    }

    private string Version => _options.NtlmVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private AuthHeaderWriter Common(AuthHeaderWriter writer) =>
        writer.Quoted("realm", _options.NtlmRealm).Quoted("targetname", _options.NtlmTargetName);
}
