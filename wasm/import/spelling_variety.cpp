// spelling_variety.cpp — see spelling_variety.h.
#include "spelling_variety.h"

#include <vector>

#include "text_util.h"

namespace galley::importing {
namespace {

// British spelling, American spelling; nullptr where the other side is no evidence.
struct SpellingPair { const char* british; const char* american; };
const SpellingPair kPairs[] = {
    {"colour", "color"}, {"favour", "favor"}, {"favourite", "favorite"}, {"honour", "honor"},
    {"neighbour", "neighbor"}, {"neighbourhood", "neighborhood"}, {"behaviour", "behavior"}, {"humour", "humor"},
    {"flavour", "flavor"}, {"harbour", "harbor"}, {"rumour", "rumor"}, {"vapour", "vapor"},
    {"endeavour", "endeavor"}, {"savour", "savor"}, {"armour", "armor"}, {"odour", "odor"}, {"vigour", "vigor"},
    {"rigour", "rigor"}, {"centre", "center"}, {"theatre", "theater"}, {"litre", "liter"}, {"fibre", "fiber"},
    {"calibre", "caliber"}, {"sombre", "somber"}, {"spectre", "specter"}, {"lustre", "luster"},
    {"defence", "defense"}, {"offence", "offense"}, {"pretence", "pretense"}, {"licence", nullptr},
    {"practise", nullptr}, {"organise", "organize"}, {"organisation", "organization"}, {"realise", "realize"},
    {"recognise", "recognize"}, {"apologise", "apologize"}, {"criticise", "criticize"}, {"emphasise", "emphasize"},
    {"prioritise", "prioritize"}, {"summarise", "summarize"}, {"characterise", "characterize"},
    {"finalise", "finalize"}, {"authorise", "authorize"}, {"minimise", "minimize"}, {"maximise", "maximize"},
    {"specialise", "specialize"}, {"mobilise", "mobilize"}, {"normalise", "normalize"}, {"utilise", "utilize"},
    {"standardise", "standardize"}, {"legalise", "legalize"}, {"privatise", "privatize"},
    {"modernise", "modernize"}, {"memorise", "memorize"}, {"optimise", "optimize"}, {"hospitalise", "hospitalize"},
    {"categorise", "categorize"}, {"sympathise", "sympathize"}, {"civilisation", "civilization"},
    {"globalisation", "globalization"}, {"analyse", "analyze"}, {"paralyse", "paralyze"},
    {"catalyse", "catalyze"}, {"travelled", "traveled"}, {"travelling", "traveling"}, {"traveller", "traveler"},
    {"cancelled", "canceled"}, {"cancelling", "canceling"}, {"labelled", "labeled"}, {"labelling", "labeling"},
    {"modelling", "modeling"}, {"fuelled", "fueled"}, {"counsellor", "counselor"}, {"jewellery", "jewelry"},
    {"marvellous", "marvelous"}, {"catalogue", "catalog"}, {"analogue", "analog"}, {"manoeuvre", "maneuver"},
    {"paediatric", "pediatric"}, {"anaemia", "anemia"}, {"leukaemia", "leukemia"}, {"orthopaedic", "orthopedic"},
    {"foetus", "fetus"}, {"oesophagus", "esophagus"}, {"plough", "plow"}, {"sceptical", "skeptical"},
    {"sceptic", "skeptic"}, {"pyjamas", "pajamas"}, {"moustache", "mustache"}, {"cosy", "cozy"},
    {"ageing", "aging"}, {"enrolment", "enrollment"}, {"fulfil", "fulfill"}, {"fulfilment", "fulfillment"},
    {"instalment", "installment"}, {"skilful", "skillful"}, {"wilful", "willful"}, {"mould", "mold"},
    {"programme", nullptr}, {"tyre", nullptr}, {"cheque", nullptr}, {"kerb", nullptr}, {"whilst", nullptr},
    {"aluminium", "aluminum"},
};

// The word and its usual inflections: -s, -ed/-d, -ing, -ful, -able, -ably, -r/-rs after an e.
std::vector<std::string> inflections(const std::string& w) {
    std::vector<std::string> forms = {w, w + "s"};
    if (w.back() == 'e') {
        forms.push_back(w + "d");
        forms.push_back(w.substr(0, w.size() - 1) + "ing");
        forms.push_back(w.substr(0, w.size() - 1) + "able");
        forms.push_back(w + "r");  // organiser
        forms.push_back(w + "rs");
    } else {
        forms.push_back(w + "ed");
        forms.push_back(w + "ing");
        forms.push_back(w + "ful");
        forms.push_back(w + "able");
        forms.push_back(w + "ably");
    }
    return forms;
}

// Every form of every listed word: true for British.
const std::map<std::string, bool>& spellingForms() {
    static const std::map<std::string, bool> forms = [] {
        std::map<std::string, bool> m;
        for (const SpellingPair& p : kPairs) {
            for (const std::string& f : inflections(p.british)) m.emplace(f, true);
            if (p.american)
                for (const std::string& f : inflections(p.american)) m.emplace(f, false);
        }
        return m;
    }();
    return forms;
}

std::string listWords(const std::map<std::string, int>& words) {
    std::string s;
    int shown = 0;
    for (const auto& [w, n] : words) {
        if (shown++ == 4) {
            s += ", ...";
            break;
        }
        s += (s.empty() ? "\"" : ", \"") + w + "\" \xC3\x97" + std::to_string(n);
    }
    return s;
}

}  // namespace

void tallySpellings(std::string_view text, const std::string& where, SpellingTally& tally) {
    const std::map<std::string, bool>& forms = spellingForms();
    size_t i = 0;
    while (i < text.size()) {
        if (!isAsciiLetter(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && isAsciiLetter(static_cast<unsigned char>(text[j]))) ++j;
        // A word glued to other letters or digits (non-ASCII, "colour2") is not counted.
        const bool glued = (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80) ||
                           (j < text.size() && (static_cast<unsigned char>(text[j]) >= 0x80 ||
                                                (text[j] >= '0' && text[j] <= '9')));
        if (!glued && j - i >= 4) {
            auto it = forms.find(lowerAscii(std::string(text.substr(i, j - i))));
            if (it != forms.end()) {
                if (it->second) {
                    ++tally.british;
                    ++tally.britishWords[it->first];
                    if (tally.firstBritish.empty()) tally.firstBritish = where;
                } else {
                    ++tally.american;
                    ++tally.americanWords[it->first];
                    if (tally.firstAmerican.empty()) tally.firstAmerican = where;
                }
            }
        }
        i = j;
    }
}

std::optional<OrderClue> spellingClue(const SpellingTally& t) {
    const bool british = t.british > t.american;
    const int winner = british ? t.british : t.american, loser = british ? t.american : t.british;
    if (winner < 2 || winner < 3 * loser) return std::nullopt;
    const std::string& first = british ? t.firstBritish : t.firstAmerican;
    std::string said = std::string("the spelling is ") + (british ? "British" : "American") + " (" +
                       listWords(british ? t.britishWords : t.americanWords) +
                       (first.empty() ? "" : ", first on " + first) +
                       (loser ? "; " + std::to_string(loser) + (british ? " American" : " British") : "") + ")";
    return OrderClue{OrderEvidenceKind::Spelling, british ? NumericOrder::DayFirst : NumericOrder::MonthFirst, said};
}

}  // namespace galley::importing
