using System.Globalization;
using System.Net;
using System.Text;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>Splits an SDP value on single spaces (RFC 8866 fields are separated by exactly one space).</summary>
internal ref struct SdpTokens(ReadOnlySpan<byte> value)
{
    private ReadOnlySpan<byte> _rest = value;
    private int _consumed;

    /// <summary>Offset of the last token returned, relative to the start of the value.</summary>
    public int LastOffset { get; private set; }

    /// <summary>Everything after the last token returned (without the separating space).</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest;

    public bool Next(out ReadOnlySpan<byte> token)
    {
        if (_rest.IsEmpty)
        {
            token = default;
            return false;
        }

        var space = _rest.IndexOf((byte)' ');
        token = space < 0 ? _rest : _rest[..space];
        LastOffset = _consumed;
        var step = space < 0 ? _rest.Length : space + 1;
        _rest = _rest[step..];
        _consumed += step;
        return !token.IsEmpty;
    }

    public static bool TryInt(ReadOnlySpan<byte> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryPort(ReadOnlySpan<byte> text, out int port) =>
        TryInt(text, out port) && port <= 65535;

    public static IPAddress? Address(ReadOnlySpan<byte> text) =>
        IPAddress.TryParse(text, out var address) ? address : null;

    public static string Ascii(ReadOnlySpan<byte> text) => Encoding.ASCII.GetString(text);
}
