using System.Buffers;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// RFC 3261 §16.6 by edits, not re-serialisation: the received bytes plus the Route pops, the new Request-URI,
/// Max-Forwards − 1, Record-Route, Path routes and our Via, written once into a buffer of the exact final size.
/// The buffer is not pooled on purpose: the client transaction keeps it for retransmissions until it ends.
/// </summary>
public static class RequestForwarder
{
    public static byte[] Forward(SipMessage request, ForwardPlan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        using var editor = new SipMessageEditor();
        editor.Reset(request);
        foreach (int index in plan.Routing.RemovedRoutes)
        {
            editor.RemoveValue(index);
        }

        ApplyRequestUri(editor, request, plan);
        editor.DecrementMaxForwards(out _);
        foreach (byte[] recordRoute in plan.RecordRoutes)
        {
            editor.AddRecordRoute(recordRoute);
        }

        if (plan.Target is { } target)
        {
            foreach (string path in target.Path)
            {
                editor.PrependRoute(Encoding.UTF8.GetBytes(path));
            }
        }

        editor.PushVia(plan.Via);
        if (plan.Body is { } body)
        {
            editor.ReplaceBody(body);
        }
        else if (plan.Reliable)
        {
            editor.EnsureContentLength();
        }

        var output = new ArrayBufferWriter<byte>(editor.Length);
        editor.WriteTo(output);
        return output.WrittenSpan.Length == output.Capacity ? GetArray(output) : output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The target (or the URI restored from a strict router's Route) becomes the Request-URI. When the next Route
    /// is a strict router (no lr, §16.6 step 7), it takes the Request-URI instead and the intended Request-URI goes
    /// to the end of the Route set.
    /// </summary>
    private static void ApplyRequestUri(SipMessageEditor editor, SipMessage request, ForwardPlan plan)
    {
        SipUri? chosen = plan.Target?.RequestUri ?? plan.Routing.RestoredRequestUri;
        ReadOnlySpan<byte> requestUri = chosen is null ? request.GetSpan(request.RequestUri) : chosen.Bytes.Span;
        bool replace = chosen is not null && !requestUri.SequenceEqual(request.GetSpan(request.RequestUri));

        if (plan.Routing.NextRoute is { IsLooseRouting: false } strict && plan.Target is not { Path.Count: > 0 })
        {
            editor.RemoveValue(plan.Routing.NextRouteIndex);
            editor.AddHeader("Route"u8, [.. "<"u8, .. requestUri, .. ">"u8]);
            editor.ReplaceRequestUri(strict.Bytes.Span);
            return;
        }

        if (replace)
        {
            editor.ReplaceRequestUri(requestUri);
        }
    }

    private static byte[] GetArray(ArrayBufferWriter<byte> output) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(output.WrittenMemory, out ArraySegment<byte> segment)
        && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : output.WrittenSpan.ToArray();
}
