using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Validation;

/// <summary>
/// Semantic checks after a successful syntactic parse (RFC 3261 §8.2, §16.3; RFC 4475 "valid-semantic-error"
/// messages). Returns the first problem as a <see cref="SipParseError"/> whose status code the server should send.
/// </summary>
public sealed class SipMessageValidator
{
    private readonly SipElementRole _role;
    private readonly byte[][] _supportedTags;
    private readonly byte[][] _contentTypes;

    public SipMessageValidator(SipValidatorOptions? options = null)
    {
        options ??= new SipValidatorOptions();
        _role = options.Role;
        _supportedTags = options.SupportedOptionTags.Select(Encoding.ASCII.GetBytes).ToArray();
        _contentTypes = options.SupportedContentTypes.Select(Encoding.ASCII.GetBytes).ToArray();
    }

    public SipParseError ValidateRequest(SipMessage request)
    {
        var canAnswer = SipParser.CanAnswer(request);
        if (!request.IsRequest)
        {
            return new SipParseError(SipParseErrorKind.InvalidStartLine, 0, "not a request", false);
        }

        if (!request.IsSip20)
        {
            return Error(SipParseErrorKind.UnsupportedVersion, 505, "SIP version not supported", canAnswer);
        }

        var error = CheckMandatoryHeaders(request, canAnswer);
        if (error.IsError)
        {
            return error;
        }

        error = CheckMethodAndUri(request, canAnswer);
        if (error.IsError)
        {
            return error;
        }

        return CheckExtensionsAndHops(request, canAnswer);
    }

    /// <summary>A response we cannot match to a transaction is dropped (status 0), never answered (scalarlg, bigcode).</summary>
    public SipParseError ValidateResponse(SipMessage response)
    {
        var ok = response.IsResponse && response.IsSip20
            && response.TryGetVia(out _) && response.TryGetFrom(out _) && response.TryGetTo(out _)
            && response.TryGetCallId(out _) && response.TryGetCSeq(out _)
            && response.Count(HeaderKind.CSeq) == 1 && response.Count(HeaderKind.CallId) == 1;
        return ok ? default : new SipParseError(SipParseErrorKind.InvalidHeader, 0, "malformed response", false);
    }

    private static SipParseError CheckMandatoryHeaders(SipMessage request, bool canAnswer)
    {
        if (!request.Contains(HeaderKind.Via) || !request.Contains(HeaderKind.From) || !request.Contains(HeaderKind.To)
            || !request.Contains(HeaderKind.CallId) || !request.Contains(HeaderKind.CSeq))
        {
            return Error(SipParseErrorKind.MissingHeader, 400, "missing Via, From, To, Call-ID or CSeq", canAnswer);
        }

        foreach (var kind in (ReadOnlySpan<HeaderKind>)[HeaderKind.From, HeaderKind.To, HeaderKind.CallId, HeaderKind.CSeq,
                     HeaderKind.MaxForwards, HeaderKind.ContentType, HeaderKind.Expires])
        {
            if (request.Count(kind) > 1)
            {
                return Error(SipParseErrorKind.DuplicateHeader, 400, "a single-value header appears more than once", canAnswer);
            }
        }

        if (!request.TryGetVia(out _) || !request.TryGetFrom(out _) || !request.TryGetTo(out _) || !request.TryGetCallId(out _))
        {
            return Error(SipParseErrorKind.InvalidHeader, 400, "malformed Via, From, To or Call-ID", canAnswer);
        }

        if (!request.TryGetCSeq(out _))
        {
            return Error(SipParseErrorKind.InvalidHeader, 400, "malformed CSeq (or number beyond 2**32-1)", canAnswer);
        }

        if (request.Contains(HeaderKind.MaxForwards) && !request.TryGetMaxForwards(out _))
        {
            return Error(SipParseErrorKind.InvalidMaxForwards, 400, "Max-Forwards is not 0..255", canAnswer);
        }

        foreach (var h in request.GetHeaders(HeaderKind.Contact))
        {
            if (!request.TryGetContact(h, out _))
            {
                return Error(SipParseErrorKind.InvalidHeader, 400, "malformed Contact", canAnswer);
            }
        }

        return default;
    }

    private SipParseError CheckMethodAndUri(SipMessage request, bool canAnswer)
    {
        request.TryGetCSeq(out var cseq);
        var methodBytes = request.GetSpan(request.MethodRange);
        if (!methodBytes.SequenceEqual(request.GetSpan(cseq.MethodRange)))
        {
            // RFC 4475 mismatch02: an unknown method is better answered 501 than 400.
            return request.Method == SipMethod.Unknown
                ? Error(SipParseErrorKind.UnknownMethod, 501, "unknown method (and CSeq method mismatch)", canAnswer)
                : Error(SipParseErrorKind.CSeqMethodMismatch, 400, "CSeq method does not match the request method", canAnswer);
        }

        var uri = request.GetSpan(request.RequestUri);
        SipLex.TryGetScheme(uri, out var scheme);
        var isSip = Ascii.EqualsIgnoreCase(scheme, "sip"u8) || Ascii.EqualsIgnoreCase(scheme, "sips"u8);
        if (!isSip && !Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            return Error(SipParseErrorKind.UnsupportedUriScheme, 416, "unsupported Request-URI scheme", canAnswer);
        }

        // '?' may appear in the user part (intmeth); URI headers come after the host (escruri).
        if (isSip && uri[(uri.LastIndexOf((byte)'@') + 1)..].IndexOf((byte)'?') >= 0)
        {
            return Error(SipParseErrorKind.InvalidStartLine, 400, "headers are not allowed in a Request-URI", canAnswer);
        }

        if (_role == SipElementRole.UserAgentServer)
        {
            var uasError = CheckUserAgentServer(request, canAnswer);
            if (uasError.IsError)
            {
                return uasError;
            }
        }

        if (_role == SipElementRole.Registrar && request.Method == SipMethod.Register && request.TryGetTo(out var to))
        {
            var toScheme = to.GetScheme(request.Span);
            if (!Ascii.EqualsIgnoreCase(toScheme, "sip"u8) && !Ascii.EqualsIgnoreCase(toScheme, "sips"u8))
            {
                return Error(SipParseErrorKind.InvalidAddressOfRecord, 400, "the address of record must be a SIP or SIPS URI", canAnswer);
            }
        }

        return default;
    }

    private SipParseError CheckExtensionsAndHops(SipMessage request, bool canAnswer)
    {
        Span<SipRange> unsupported = stackalloc SipRange[1];
        if (request.Method != SipMethod.Ack && request.Method != SipMethod.Cancel && GetUnsupportedTags(request, unsupported) > 0)
        {
            return Error(SipParseErrorKind.BadExtension, 420, "unsupported option tag required", canAnswer);
        }

        if (_role == SipElementRole.Proxy && request.TryGetMaxForwards(out var maxForwards) && maxForwards == 0)
        {
            return Error(SipParseErrorKind.TooManyHops, 483, "Max-Forwards reached zero", canAnswer);
        }

        return default;
    }

    /// <summary>Endpoint-only answers: 501 unknown method, 405 REGISTER, 415 body type, 406 Accept (RFC 3261 §8.2.1-3).</summary>
    private SipParseError CheckUserAgentServer(SipMessage request, bool canAnswer)
    {
        if (request.Method == SipMethod.Unknown)
        {
            return Error(SipParseErrorKind.UnknownMethod, 501, "method not implemented", canAnswer);
        }

        if (request.Method == SipMethod.Register)
        {
            return Error(SipParseErrorKind.MethodNotAllowed, 405, "this endpoint is not a registrar", canAnswer);
        }

        // Session-description methods only: other bodies (MESSAGE, NOTIFY...) are the application's business.
        var carriesSession = (request.Method & (SipMethod.Invite | SipMethod.Ack | SipMethod.Update | SipMethod.Prack)) != 0;
        if (carriesSession && request.Body.Length > 0 && request.TryGetTokenValue(HeaderKind.ContentType, out var type)
            && !IsSupportedType(request.GetSpan(type.Token)))
        {
            return Error(SipParseErrorKind.UnsupportedMediaType, 415, "unsupported body type", canAnswer);
        }

        if (request.Method == SipMethod.Invite && request.Contains(HeaderKind.Accept) && !AcceptsSupportedType(request))
        {
            return Error(SipParseErrorKind.NotAcceptable, 406, "no acceptable body type for the answer", canAnswer);
        }

        return default;
    }

    private bool AcceptsSupportedType(SipMessage request)
    {
        foreach (var h in request.GetHeaders(HeaderKind.Accept))
        {
            if (!SipTokenValue.TryParse(request.Span, h.Value, out var range))
            {
                continue;
            }

            var accepted = request.GetSpan(range.Token);
            if (accepted.SequenceEqual("*/*"u8) || IsSupportedType(accepted))
            {
                return true;
            }

            foreach (var supported in _contentTypes)
            {
                var slash = supported.AsSpan().IndexOf((byte)'/');
                if (accepted.EndsWith("/*"u8) && Ascii.EqualsIgnoreCase(accepted[..^1], supported.AsSpan(0, slash + 1)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsSupportedType(ReadOnlySpan<byte> type)
    {
        foreach (var supported in _contentTypes)
        {
            if (Ascii.EqualsIgnoreCase(type, supported))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes the ranges of the option tags this element does not support: Proxy-Require for a proxy, Require for a
    /// registrar or UAS (RFC 3261 §16.3 step 5, §8.2.2.3). Returns how many were found (at most the destination length).
    /// </summary>
    public int GetUnsupportedTags(SipMessage request, Span<SipRange> destination)
    {
        var kind = _role == SipElementRole.Proxy ? HeaderKind.ProxyRequire : HeaderKind.Require;
        var count = 0;
        foreach (var h in request.GetHeaders(kind))
        {
            if (count == destination.Length)
            {
                break;
            }

            if (h.Value.Length > 0 && !IsSupported(request.GetSpan(h.Value)))
            {
                destination[count++] = h.Value;
            }
        }

        return count;
    }

    public bool IsSupported(ReadOnlySpan<byte> tag)
    {
        foreach (var supported in _supportedTags)
        {
            if (Ascii.EqualsIgnoreCase(tag, supported))
            {
                return true;
            }
        }

        return false;
    }

    private static SipParseError Error(SipParseErrorKind kind, int status, string reason, bool canAnswer)
        => new(kind, status, reason, canAnswer);
}
