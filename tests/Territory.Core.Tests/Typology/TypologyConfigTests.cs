using Territory.Core.Typology;

namespace Territory.Core.Tests.Typology;

public sealed class TypologyConfigTests
{
    [Fact]
    public void Load_UnknownKey_ErrorNamesTheKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "classification": { "qpvShaer": { "from": 0.1, "to": 0.5 } } }""");
        try
        {
            var ex = Assert.Throws<TypologyConfigException>(() => TypologyConfig.Load(path));
            Assert.Equal("configuration de typologie invalide : clé inconnue « qpvShaer » sous « classification »", ex.Message);
            Assert.Equal("invalid typology configuration: unknown key 'qpvShaer' under 'classification'", ex.Reason.Render(Territory.Core.Messages.Lang.En));
            Assert.DoesNotContain(".NET", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_RampOutOfRange_ErrorNamesTheKey()
    {
        var ex = Assert.Throws<TypologyConfigException>(() =>
            TypologyConfig.Parse("""{ "classification": { "qpvShare": { "from": 0.2, "to": 1.5 } } }"""));
        Assert.Contains("classification.qpvShare", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownWeightCriterion_ErrorNamesTheKey()
    {
        var ex = Assert.Throws<TypologyConfigException>(() =>
            TypologyConfig.Parse("""{ "classification": { "weights": { "isolated": { "remoteness": 1 } } } }"""));
        Assert.Contains("classification.weights.isolated.remoteness", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongValueType_ErrorNamesThePath()
    {
        var ex = Assert.Throws<TypologyConfigException>(() =>
            TypologyConfig.Parse("""{ "presence": { "farFromAgencyMinutes": "trente" } }"""));
        Assert.Equal("configuration de typologie invalide : valeur invalide pour « presence.farFromAgencyMinutes » : un nombre est attendu", ex.Message);
    }

    [Fact]
    public void Parse_PartialFile_KeepsOtherDefaults()
    {
        var c = TypologyConfig.Parse("""{ "presence": { "farFromAgencyMinutes": 45 } }""");
        Assert.Equal(45, c.Presence.FarFromAgencyMinutes);
        Assert.Equal(500, c.Presence.LargeQpvDwellings);
        Assert.Equal(100, c.Caretaking.MinDwellings);
    }

    [Fact]
    public void ToJson_Defaults_RoundTripsAndValidates()
    {
        var json = TypologyConfig.Default.ToJson();
        var back = TypologyConfig.Parse(json);
        Assert.Empty(TypologyConfig.Default.Validate());
        Assert.Equal(TypologyConfig.Default.Classification.QpvDwellings, back.Classification.QpvDwellings);
        Assert.Contains("\"classification\"", json, StringComparison.Ordinal);
        Assert.Equal(6, back.Density.Rules.Count);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(20.0, 0.0)]
    [InlineData(60.0, 0.5)]
    [InlineData(100.0, 1.0)]
    [InlineData(150.0, 1.0)]
    public void Score_AscendingRamp_IsLinearAndClamped(double value, double expected) =>
        Assert.Equal(expected, new Ramp(20, 100).Score(value), 9);

    [Fact]
    public void Score_DescendingRamp_SmallValuesScoreHigh()
    {
        var r = new Ramp(5, 2);
        Assert.Equal(1, r.Score(1));
        Assert.Equal(0, r.Score(6));
        Assert.Equal(1.0 / 3, r.Score(4), 9);
    }

    [Fact]
    public void Parse_DocumentationExample_IsValid()
    {
        var c = TypologyConfig.Parse("""
            {
              // commentaires autorisés
              "classification": {
                "qpvDwellings": { "from": 10, "to": 60 },
                "weights": {
                  "priority_district": { "qpv_share": 0.7, "qpv_dwellings": 0.3 }
                }
              },
              "travel": { "detourFactor": 1.4, "averageSpeedKmh": 35, "isolationRadiusMeters": 5000 },
              "presence": { "farFromAgencyMinutes": 25, "interLandlordMinLandlords": 2, "largeQpvDwellings": 500 },
              "caretaking": { "ensembleLinkMeters": 150, "minDwellings": 100, "minCommunePopulation": 25000,
                              "dwellingsPerFte": 100, "lodgeRadiusMeters": 300 },
              "density": { "fallbackLevel": 7 }
            }
            """);
        Assert.Equal(60, c.Classification.QpvDwellings.To);
        Assert.Equal(0.7, c.Classification.Weight(TerritoryType.PriorityDistrict, "qpv_share"));
        Assert.Equal(0.35, c.Classification.Weight(TerritoryType.UrbanCollective, "collective_share"));
        Assert.Equal(6, c.Density.Rules.Count);
    }

    [Fact]
    public void Parse_StaffSection_PartialTypeKeepsItsOtherDefaults()
    {
        var c = TypologyConfig.Parse("""{ "staff": { "weeklyHours": 37, "byType": { "rural_diffuse": { "visitsPerYear": 6 } } } }""");
        Assert.Equal(37, c.Staff.WeeklyHours);
        Assert.Equal(6, c.Staff.VisitsPerYear(TerritoryType.RuralDiffuse));
        Assert.Equal(250, c.Staff.ProximityDwellingsPerFte(TerritoryType.RuralDiffuse));
        Assert.Equal(80, c.Staff.SiteDwellingsPerFte(TerritoryType.PriorityDistrict));
    }

    [Theory]
    [InlineData("""{ "staff": { "byType": { "suburb": { "visitsPerYear": 6 } } } }""", "staff.byType.suburb")]
    [InlineData("""{ "staff": { "byType": { "isolated": { "proximityDwellingsPerFte": 0 } } } }""", "staff.byType.isolated.proximityDwellingsPerFte")]
    [InlineData("""{ "presence": { "coveredShare": 1.5 } }""", "presence.coveredShare")]
    [InlineData("""{ "caretaking": { "minUrbanAreaPopulation": 0 } }""", "caretaking.minUrbanAreaPopulation")]
    public void Parse_BadPlanOrStaffValue_ErrorNamesTheKey(string json, string key)
    {
        var ex = Assert.Throws<TypologyConfigException>(() => TypologyConfig.Parse(json));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
