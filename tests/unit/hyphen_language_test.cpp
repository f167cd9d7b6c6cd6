// Hyphenation by language, with the patterns of Debian's hyphen-* packages as Galley ships them (scripts/setup.sh
// installs them): every shipped language reads (UTF-8, ISO 8859 or KOI8-R; one level or two) and hyphenates.
#include "hyphen_language.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace galley;

namespace {

// The word with a hyphen at each break.
std::string hyphenated(const Hyphenator& h, const std::string& word) {
    std::vector<uint32_t> breaks;
    h.hyphenate(word, breaks);
    std::string out;
    size_t i = 0, b = 0;
    for (uint32_t cp = 0; i < word.size(); ++cp) {
        if (b < breaks.size() && breaks[b] == cp) out += '-', ++b;
        const size_t start = i;
        utf8::next(word, i);
        out += word.substr(start, i - start);
    }
    return out;
}

}  // namespace

TEST(HyphenLanguage, EveryShippedLanguageHyphenatesItsWords) {
    const struct { const char* lang; const char* word; const char* expected; } cases[] = {
        {"de-DE", "Donaudampfschifffahrt", "Do-nau-dampf-schiff-fahrt"},    // two levels: the parts, then each
        {"de-AT", "Bundesverfassungsgericht", "Bun-des-ver-fas-sungs-ge-richt"},
        {"fr", "constitutionnellement", "consti-tu-tion-nel-le-ment"},       // a first level of settings only
        {"ru", "правозащитной", "пра-во-за-щит-ной"},                        // KOI8-R
        {"pl", "października", "paź-dzier-nika"},                            // ISO 8859-2
        {"cs", "nejneobhospodařovávatelnějšími", "nej-ne-ob-hos-po-da-řo-vá-va-tel-něj-šími"},
        {"sr", "конституција", "кон-сти-ту-ци-ја"},                          // ISO 8859-5
        {"sr-Latn", "konstitucija", "kon-sti-tu-ci-ja"},
        {"el", "αποτελέσματα", "απο-τε-λέσματα"},                            // ISO 8859-7
        {"sv", "sjukvårdsförsäkring", "sjuk-vårds-för-säk-ring"},            // ISO 8859-1
        {"no", "forsikringsselskap", "for-sik-rings-sel-skap"},
        {"pt-BR", "extraordinário", "ex-tra-or-di-ná-rio"},
        {"es", "extraordinario", "ex-tra-or-di-na-rio"},
        {"nl", "wetenschappelijk", "we-ten-schap-pe-lijk"},
        {"hu", "megszentségteleníthetetlen", "meg-szent-ség-te-le-nít-he-tet-len"},
        {"bg", "конституция", "кон-с-ти-ту-ция"},
    };
    for (const auto& c : cases) {
        const std::optional<Hyphenator> h = loadHyphenatorFor(c.lang, GALLEY_HYPHEN_DIR);
        ASSERT_TRUE(h) << c.lang << ": no patterns in " << GALLEY_HYPHEN_DIR << " (scripts/setup.sh installs them)";
        EXPECT_EQ(hyphenated(*h, c.word), c.expected) << c.lang;
    }
}

TEST(HyphenLanguage, FileNamesForTags) {
    EXPECT_EQ(hyphenationFileNames("sr-Latn-RS").front(), "hyph_sr-Latn_RS.dic");
    EXPECT_EQ(hyphenationFileNames("sr").back(), "hyph_sr_RS.dic");
    EXPECT_EQ(hyphenationFileNames("nn").back(), "hyph_nb_NO.dic");
    EXPECT_EQ(hyphenationFileNames("sl").back(), "hyph_sl_SI.dic");
    EXPECT_EQ(hyphenationFileNames("ca").back(), "hyph_ca_ES.dic");
}

// German capitalises its nouns: they hyphenate like any word there, and not in English.
TEST(HyphenLanguage, CapitalisedWordsHyphenateWhereNounsAreCapitalised) {
    EXPECT_TRUE(hyphenationPolicyFor("de-CH").capitalised);
    EXPECT_FALSE(hyphenationPolicyFor("en").capitalised);
    const std::optional<Hyphenator> de = loadHyphenatorFor("de", GALLEY_HYPHEN_DIR);
    ASSERT_TRUE(de);
    std::vector<uint32_t> points;
    findHyphenationPoints(*de, "Die Silbentrennung", points, hyphenationPolicyFor("de"));
    EXPECT_EQ(points, (std::vector<uint32_t>{7, 10, 14}));  // Die Sil-ben-tren-nung
}
