namespace Switchboard.Sip.Writing;

/// <summary>Removal of header values and lines, planned per header line so that several removals combine.</summary>
public sealed partial class SipMessageEditor
{
    /// <summary>Offset of the empty line that ends the header section: where new headers are appended.</summary>
    private int HeaderSectionEnd => Message.HeaderSectionLength - 2;

    /// <summary>Removes every value of a header kind (all its lines); returns how many values were removed.</summary>
    public int RemoveHeaders(HeaderKind kind)
    {
        if (kind == HeaderKind.Unknown)
        {
            throw new ArgumentException("Remove unknown headers by name.", nameof(kind));
        }

        ReadOnlySpan<SipHeader> headers = Message.Headers;
        int removed = 0;
        for (int i = 0; i < headers.Length; i++)
        {
            if (headers[i].Kind == kind && !_removed[i])
            {
                RemoveValue(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Removes every header field with this name (long or compact form for known headers).</summary>
    public int RemoveHeaders(ReadOnlySpan<byte> name)
    {
        HeaderKind kind = SipHeaderNames.Recognize(name);
        if (kind != HeaderKind.Unknown)
        {
            return RemoveHeaders(kind);
        }

        ReadOnlySpan<SipHeader> headers = Message.Headers;
        int removed = 0;
        for (int i = 0; i < headers.Length; i++)
        {
            if (headers[i].Kind == HeaderKind.Unknown && !_removed[i]
                && System.Text.Ascii.EqualsIgnoreCase(Message.GetName(headers[i]), name))
            {
                RemoveValue(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Removes the index entry <paramref name="index"/> of <see cref="SipMessage.Headers"/>: one value of a comma
    /// list, or the whole line when no other value of that line is left. False if it was already removed.
    /// </summary>
    public bool RemoveValue(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Message.HeaderCount);
        if (_removed[index])
        {
            return false;
        }

        _removed[index] = true;
        PlanLineRemovals(index);
        return true;
    }

    private bool RemoveFirst(HeaderKind kind)
    {
        ReadOnlySpan<SipHeader> headers = Message.Headers;
        for (int i = 0; i < headers.Length; i++)
        {
            if (headers[i].Kind == kind && !_removed[i])
            {
                return RemoveValue(i);
            }
        }

        return false;
    }

    /// <summary>Where a new line for this kind goes: above its first line, else at the top of the header section.</summary>
    private int LineStartOfFirst(HeaderKind kind)
    {
        if (Message.TryGetFirst(kind, out SipHeader header))
        {
            return header.Name.Start;
        }

        return Message.HeaderCount > 0 ? Message.Headers[0].Name.Start : HeaderSectionEnd;
    }

    /// <summary>Re-plans the removals of the line holding <paramref name="index"/> from the set of removed values.</summary>
    private void PlanLineRemovals(int index)
    {
        ReadOnlySpan<SipHeader> headers = Message.Headers;
        int lineStart = headers[index].Name.Start;
        int first = index, last = index;
        while (first > 0 && headers[first - 1].Name.Start == lineStart)
        {
            first--;
        }

        while (last + 1 < headers.Length && headers[last + 1].Name.Start == lineStart)
        {
            last++;
        }

        int lineEnd = last + 1 < headers.Length ? headers[last + 1].Name.Start : HeaderSectionEnd;
        _edits.ClearRemovals(lineStart, lineEnd);
        if (_removed.AsSpan(first, last - first + 1).IndexOf(false) < 0)
        {
            _edits.Remove(lineStart, lineEnd - lineStart);
            return;
        }

        for (int i = first; i <= last;)
        {
            if (!_removed[i])
            {
                i++;
                continue;
            }

            int runStart = i;
            while (i <= last && _removed[i])
            {
                i++;
            }

            // A run followed by a kept value takes its trailing separators; a run at the end takes the leading ones.
            int from = i <= last ? headers[runStart].Value.Start : headers[runStart - 1].Value.End;
            int to = i <= last ? headers[i].Value.Start : headers[i - 1].Value.End;
            _edits.Remove(from, to - from);
        }
    }
}
