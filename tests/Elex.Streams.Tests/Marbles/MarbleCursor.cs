namespace Elex.Streams.Tests.Marbles;

/// <summary>
/// The time axis both marble parsers share: whitespace is ignored, '-' and every other character
/// take one frame, and a group '(…)' puts its events on the frame where it opens.
/// </summary>
internal sealed class MarbleCursor(string marble)
{
    private long? _groupFrame;
    private int _groupPosition = -1;
    private int _groupEvents;

    /// <summary>The frame of the next character.</summary>
    public long Frame { get; private set; }

    /// <summary>True inside a group.</summary>
    public bool InGroup => _groupFrame is not null;

    /// <summary>The frame an event at the cursor happens on (the group's frame inside a group).</summary>
    public long EventFrame => _groupFrame ?? Frame;

    /// <summary>Consumes whitespace, '-', '(' or ')' at <paramref name="position"/>; false for any other character.</summary>
    public bool TryStep(int position)
    {
        var c = marble[position];
        if (char.IsWhiteSpace(c)) return true;
        switch (c)
        {
            case '-':
                if (InGroup) throw MarbleParser.Error(marble, position, "time cannot pass inside a group");
                Frame++;
                return true;
            case '(':
                if (InGroup) throw MarbleParser.Error(marble, position, $"nested group; the group opened at position {_groupPosition} is still open");
                _groupFrame = Frame;
                _groupPosition = position;
                _groupEvents = 0;
                Frame++;
                return true;
            case ')':
                if (!InGroup) throw MarbleParser.Error(marble, position, "')' without a matching '('");
                if (_groupEvents == 0) throw MarbleParser.Error(marble, position, "empty group");
                _groupFrame = null;
                Frame++;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Records an event at the cursor; <paramref name="takesFrame"/> is false for markers that take no time ('!').</summary>
    public void Event(bool takesFrame = true)
    {
        _groupEvents++;
        if (takesFrame) Frame++;
    }

    /// <summary>Throws when a group is still open at the end.</summary>
    public void End()
    {
        if (InGroup) throw MarbleParser.Error(marble, _groupPosition, "unclosed group");
    }
}
