using System.Buffers;
using Switchboard.Sip.Writing;

namespace Switchboard.Sip.Uris;

/// <summary>
/// Writes a parsed URI in normalised form, byte for byte (no round trip through strings, so escaped bytes that are
/// not UTF-8 survive): lower-case scheme and host, minimal escaping, parameters and headers in their original order.
/// </summary>
internal static class SipUriCanonicalWriter
{
    public static void Write(IBufferWriter<byte> writer, SipUriView uri)
    {
        WriteLower(writer, uri.SchemeName);
        writer.WriteByte((byte)':');
        switch (uri.Scheme)
        {
            case UriScheme.Other:
                writer.Write(uri.Opaque);
                return;
            case UriScheme.Tel:
                writer.Write(uri.User);
                break;
            default:
                WriteUserInfoAndHost(writer, uri);
                break;
        }

        foreach (UriParameter parameter in uri.Parameters)
        {
            writer.WriteByte((byte)';');
            PercentEncoding.Rewrite(writer, parameter.Name, UriCharClass.ParamChar);
            if (parameter.HasValue)
            {
                writer.WriteByte((byte)'=');
                PercentEncoding.Rewrite(writer, parameter.Value, UriCharClass.ParamChar);
            }
        }

        bool first = true;
        foreach (UriParameter header in uri.Headers)
        {
            writer.WriteByte(first ? (byte)'?' : (byte)'&');
            first = false;
            PercentEncoding.Rewrite(writer, header.Name, UriCharClass.HeaderChar);
            writer.WriteByte((byte)'=');
            PercentEncoding.Rewrite(writer, header.Value, UriCharClass.HeaderChar);
        }
    }

    private static void WriteUserInfoAndHost(IBufferWriter<byte> writer, SipUriView uri)
    {
        if (uri.HasUser)
        {
            PercentEncoding.Rewrite(writer, uri.User, UriCharClass.User);
            if (uri.HasPassword)
            {
                writer.WriteByte((byte)':');
                PercentEncoding.Rewrite(writer, uri.Password, UriCharClass.Password);
            }

            writer.WriteByte((byte)'@');
        }

        WriteLower(writer, uri.Host);
        if (uri.Port >= 0)
        {
            writer.WriteByte((byte)':');
            writer.WriteNumber(uri.Port);
        }
    }

    private static void WriteLower(IBufferWriter<byte> writer, ReadOnlySpan<byte> ascii)
    {
        Span<byte> output = writer.GetSpan(ascii.Length);
        System.Text.Ascii.ToLower(ascii, output, out int written);
        writer.Advance(written);
    }
}
