// numeric_date_order.cpp — see numeric_date_order.h. Each kind of evidence gives at most one verdict (an order and the
// sentence that says why); the verdicts are listed strongest first, the first decides and the later ones that point
// the other way are the evidence it outweighs.
#include "numeric_date_order.h"


namespace galley {
namespace {

const char* orderName(NumericOrder o) { return o == NumericOrder::DayFirst ? "day-first" : "month-first"; }

NumericOrder opposite(NumericOrder o) {
    return o == NumericOrder::DayFirst ? NumericOrder::MonthFirst : NumericOrder::DayFirst;
}

const char* const kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// 0 for Monday .. 6 for Sunday (Sakamoto's method).
int weekdayOf(int y, int m, int d) {
    static const int offsets[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    int sundayFirst = (y + y / 4 - y / 100 + y / 400 + offsets[m - 1] + d) % 7;
    return (sundayFirst + 6) % 7;
}

struct Verdict {
    OrderEvidenceKind kind;
    NumericOrder order;
    std::string said;
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// "(line 12)", or nothing when the place is not known.
std::string at(const SeenDate& d) { return d.where.empty() ? std::string() : " (" + d.where + ")"; }

// Others of a tally: " and 2 more", "; 1 the other way".
std::string tallyTail(int agreeing, int disagreeing) {
    std::string s;
    if (agreeing > 1) s += " and " + std::to_string(agreeing - 1) + " more";
    if (disagreeing > 0) s += " (" + std::to_string(disagreeing) + " the other way)";
    return s;
}

// Kind 1: a weekday written with the date, or the same date written so that it reads one way only.
void dateItselfVerdicts(const EitherWayDate& date, const DateOrderEvidence& evidence, std::vector<Verdict>& out) {
    if (date.weekday >= 0) {
        const bool monthFirst = weekdayOf(date.year, date.first, date.second) == date.weekday;
        const bool dayFirst = weekdayOf(date.year, date.second, date.first) == date.weekday;
        if (monthFirst != dayFirst) {
            const NumericOrder o = dayFirst ? NumericOrder::DayFirst : NumericOrder::MonthFirst;
            const int month = dayFirst ? date.second : date.first, day = dayFirst ? date.first : date.second;
            const int otherMonth = dayFirst ? date.first : date.second, otherDay = dayFirst ? date.second : date.first;
            out.push_back({OrderEvidenceKind::TheDateItself, o,
                           std::string("the weekday written with it, ") + kWeekdays[date.weekday] + ", is that of " +
                               dateInWords(date.year, month, day) + ", not of " +
                               dateInWords(date.year, otherMonth, otherDay)});
        }
    }
    const SeenDate* monthFirstSeen = nullptr;
    const SeenDate* dayFirstSeen = nullptr;
    for (const SeenDate& s : evidence.dates) {
        if (s.date.form == DateForm::Numeric || s.date.year != date.year) continue;
        if (s.date.month == date.first && s.date.day == date.second && !monthFirstSeen) monthFirstSeen = &s;
        if (s.date.month == date.second && s.date.day == date.first && !dayFirstSeen) dayFirstSeen = &s;
    }
    if ((monthFirstSeen != nullptr) != (dayFirstSeen != nullptr)) {
        const SeenDate& s = monthFirstSeen ? *monthFirstSeen : *dayFirstSeen;
        out.push_back({OrderEvidenceKind::TheDateItself,
                       monthFirstSeen ? NumericOrder::MonthFirst : NumericOrder::DayFirst,
                       "the same date is written " + quoted(s.written) + at(s) + " elsewhere in the document"});
    }
}

// Kinds 2 and 3: the document's other dates, numeric ones with the same separator and ones in words.
void otherDatesVerdicts(const EitherWayDate& date, const DateOrderEvidence& evidence, bool wordsToo,
                        std::vector<Verdict>& out) {
    int numericDay = 0, numericMonth = 0, wordsDay = 0, wordsMonth = 0;
    const SeenDate *firstNumericDay = nullptr, *firstNumericMonth = nullptr, *firstWordsDay = nullptr,
                   *firstWordsMonth = nullptr;
    for (const SeenDate& s : evidence.dates) {
        const DateMatch& d = s.date;
        if (d.form == DateForm::Numeric && d.separator == date.separator && !d.eitherWay && d.month != d.day) {
            (d.dayBeforeMonth ? numericDay : numericMonth)++;
            const SeenDate*& first = d.dayBeforeMonth ? firstNumericDay : firstNumericMonth;
            if (!first) first = &s;
        } else if (d.form == DateForm::DayMonthWords || d.form == DateForm::MonthDayWords) {
            const bool day = d.form == DateForm::DayMonthWords;
            (day ? wordsDay : wordsMonth)++;
            const SeenDate*& first = day ? firstWordsDay : firstWordsMonth;
            if (!first) first = &s;
        }
    }
    if (numericDay != numericMonth) {
        const bool day = numericDay > numericMonth;
        const SeenDate& s = day ? *firstNumericDay : *firstNumericMonth;
        out.push_back({OrderEvidenceKind::NumericElsewhere, day ? NumericOrder::DayFirst : NumericOrder::MonthFirst,
                       "another date in the document, " + quoted(s.written) + at(s) +
                           tallyTail(day ? numericDay : numericMonth, day ? numericMonth : numericDay) + ", is " +
                           (day ? "day-first" : "month-first")});
    }
    if (wordsToo && wordsDay != wordsMonth) {
        const bool day = wordsDay > wordsMonth;
        const SeenDate& s = day ? *firstWordsDay : *firstWordsMonth;
        out.push_back({OrderEvidenceKind::WordOrder, day ? NumericOrder::DayFirst : NumericOrder::MonthFirst,
                       "a date written in words, " + quoted(s.written) + at(s) +
                           tallyTail(day ? wordsDay : wordsMonth, day ? wordsMonth : wordsDay) + ", puts the " +
                           (day ? "day before the month" : "month before the day")});
    }
}

// Kinds 4 to 8: the document-wide clues, each kind by its majority.
void clueVerdicts(const DateOrderEvidence& evidence, std::vector<Verdict>& out) {
    for (OrderEvidenceKind kind :
         {OrderEvidenceKind::Domain, OrderEvidenceKind::LanguageRegion, OrderEvidenceKind::PublicationName,
          OrderEvidenceKind::Spelling, OrderEvidenceKind::DeclaredUsEnglish}) {
        int day = 0, month = 0;
        const OrderClue *firstDay = nullptr, *firstMonth = nullptr;
        for (const OrderClue& c : evidence.clues) {
            if (c.kind != kind) continue;
            const bool d = c.order == NumericOrder::DayFirst;
            (d ? day : month)++;
            const OrderClue*& first = d ? firstDay : firstMonth;
            if (!first) first = &c;
        }
        if (day == month) continue;
        const OrderClue& c = day > month ? *firstDay : *firstMonth;
        out.push_back({kind, c.order, c.said});
    }
}

Verdict conventionVerdict(const EitherWayDate& date, const std::string& language) {
    if (date.separator == '.')
        return {OrderEvidenceKind::LanguageConvention, NumericOrder::DayFirst,
                "nothing in the document decides it, and dotted dates are written day first"};
    if (language.empty() || language == "en")
        return {OrderEvidenceKind::LanguageConvention, NumericOrder::MonthFirst,
                std::string("nothing in the document decides it, and ") +
                    (language.empty() ? "with no language known" : "in English") +
                    " a numeric date is read month-first, as in the US"};
    if (language == "zh" || language == "ja" || language == "ko" || language == "hu")
        return {OrderEvidenceKind::LanguageConvention, NumericOrder::MonthFirst,
                "nothing in the document decides it, and its language (" + language +
                    ") writes the year first, then the month before the day"};
    return {OrderEvidenceKind::LanguageConvention, NumericOrder::DayFirst,
            "nothing in the document decides it, and its language (" + language + ") writes the day first"};
}

}  // namespace

std::string dateInWords(int year, int month, int day) {
    if (month < 1 || month > 12) return {};
    return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

OrderDecision decideNumericOrder(const EitherWayDate& date, const DateOrderEvidence& evidence) {
    std::vector<Verdict> verdicts;
    dateItselfVerdicts(date, evidence, verdicts);
    const bool dotted = date.separator == '.';
    otherDatesVerdicts(date, evidence, !dotted, verdicts);
    if (!dotted) clueVerdicts(evidence, verdicts);
    verdicts.push_back(conventionVerdict(date, evidence.language));

    OrderDecision decision;
    decision.order = verdicts[0].order;
    decision.kind = verdicts[0].kind;
    decision.because = verdicts[0].said;
    for (size_t i = 1; i < verdicts.size(); ++i)
        if (verdicts[i].order == opposite(decision.order) &&
            verdicts[i].kind != OrderEvidenceKind::LanguageConvention)
            decision.against.push_back(verdicts[i].said);
    return decision;
}

std::string explainDecision(const EitherWayDate& date, const OrderDecision& decision) {
    const bool day = decision.order == NumericOrder::DayFirst;
    std::string s = "date: " + quoted(date.written) + " read " + orderName(decision.order) + " (" +
                    dateInWords(date.year, day ? date.second : date.first, day ? date.first : date.second) +
                    "): " + decision.because;
    for (size_t i = 0; i < decision.against.size(); ++i)
        s += (i == 0 ? "; this outweighs: " : "; ") + decision.against[i];
    return s;
}

std::string readDate(const DateMatch& m, const DateOrderEvidence& evidence, std::string* explanation) {
    if (!m.eitherWay) return m.iso;
    OrderDecision decision = decideNumericOrder(*m.eitherWay, evidence);
    if (explanation) *explanation = explainDecision(*m.eitherWay, decision);
    return decision.order == NumericOrder::DayFirst ? m.eitherWay->dayFirstIso : m.eitherWay->monthFirstIso;
}

}  // namespace galley
