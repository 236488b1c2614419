namespace Territory.Core.Messages;

/// <summary>A user-facing text as logic returns it: a stable code and named values, rendered at the edge.</summary>
/// <remarks>
/// <para>Codes are English snake_case and never change once published (they appear in JSON as
/// <c>"code"</c>); the sentences live in the catalogue (<see cref="Catalogue"/>), in French and
/// English. Values may be numbers (formatted per language), strings (verbatim), other
/// <see cref="Message"/>s (rendered in the same language) or <c>null</c> (rendered empty).</para>
/// <para><see cref="ToString"/> renders French, the product's language, so a message written
/// into a log or an exception reads as the user would see it.</para>
/// </remarks>
public sealed class Message : IEquatable<Message>
{
    private readonly KeyValuePair<string, object?>[] _args;

    private Message(string code, KeyValuePair<string, object?>[] args)
    {
        Code = code;
        _args = args;
    }

    /// <summary>Stable code (<c>dwellings_not_positive</c>).</summary>
    public string Code { get; }

    /// <summary>Named values, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Args => _args;

    /// <summary>A message with named values: <c>Message.Of("dwellings_not_positive", ("value", -8))</c>.</summary>
    public static Message Of(string code, params (string Name, object? Value)[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var list = new KeyValuePair<string, object?>[args.Length];
        for (var i = 0; i < args.Length; i++)
            list[i] = new(args[i].Name, args[i].Value);
        return new Message(code, list);
    }

    /// <summary>The value named <paramref name="name"/>, or null.</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var kv in _args)
                if (string.Equals(kv.Key, name, StringComparison.Ordinal))
                    return kv.Value;
            return null;
        }
    }

    /// <summary>The sentence in <paramref name="lang"/>.</summary>
    public string Render(Lang lang) => Catalogue.Render(this, lang);

    /// <summary>The French sentence.</summary>
    public override string ToString() => Render(Lang.Fr);

    /// <inheritdoc />
    public bool Equals(Message? other)
    {
        if (other is null || !string.Equals(Code, other.Code, StringComparison.Ordinal) || _args.Length != other._args.Length)
            return false;
        for (var i = 0; i < _args.Length; i++)
            if (!string.Equals(_args[i].Key, other._args[i].Key, StringComparison.Ordinal) || !Equals(_args[i].Value, other._args[i].Value))
                return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Message);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, _args.Length);
}
