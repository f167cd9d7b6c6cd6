// numeric_date_order.h — which way round a numeric date that reads as a date both ways ("04/03/2025": 3 April or
// 4 March) is written, decided from the document's own evidence, and the sentence --explain prints for it.
//
// The evidence, strongest first; the strongest kind that points one way decides, and weaker evidence pointing the
// other way is named as outweighed:
//   1. the date itself: a weekday written next to it that only one reading falls on ("Tue 04/03/2025"), or the same
//      date written elsewhere in words or year first ("4 March 2025", "2025-03-04") that names one reading and not
//      the other — these settle it outright;
//   2. another numeric date in the document with the same separator that reads only one way ("25/03/2025" is
//      day-first, "03/25/2025" month-first): the page's template writes its dates one way;
//   3. dates written out in words and their order: "4 March 2025" (day before month) against "March 4, 2025";
//   4. the publication's address (--base-url, the page's canonical URL, the front matter's, a web address in a
//      scraped page's masthead or footer): a country-code domain (.uk .au .nz .ie .in .za and most others day-first; .us,
//      .gov, .mil, .edu, .ph and the year-first countries' .cn .jp .kr .tw .hu month-first; .ca and the domains
//      sold for their letters, .co .io .tv .fm..., say nothing, nor do .com .org .net);
//   5. the language region the page or the user declares (en-GB, en-AU, fr-CA... day-first; en-US, en-PH, es-US
//      month-first; en-CA nothing);
//   6. the publication's name when it names a place ("The Sydney Morning Herald", "The New York Post");
//   7. the spelling, in English text only: British or Commonwealth (colour, centre, organise, travelled...) against
//      American (color, center, organize, traveled...), when one clearly outnumbers the other;
//   8. a page's own declaration of en-US: weaker than everything above because publishing systems (WordPress) write
//      it by default wherever the site is;
//   9. the language's convention: English (and no language given) month-first, as the importer always read these
//      dates; Chinese, Japanese, Korean and Hungarian, which write the year first, month-first (dropping the year
//      leaves the month before the day); every other language day-first.
// Within one kind the majority decides; a tie says nothing and the next kind is asked. A dotted date ("04.03.2025")
// is day-first wherever that form is the custom: only kinds 1 and 2 (with dots) can turn it round.
//
// Why the country comes before the spelling: the date sits in the page's template (byline, date line), which the
// site sets for its country, while the article's words may be a wire story or a quotation spelled elsewhere.
// Nothing here is global: each importer gathers its document's evidence (date_order_evidence.h) and passes it in.
#pragma once

#include <string>
#include <vector>

#include "date_parse.h"

namespace galley {

enum class NumericOrder { MonthFirst, DayFirst };

// The kinds of evidence, strongest first.
enum class OrderEvidenceKind {
    TheDateItself,
    NumericElsewhere,
    WordOrder,
    Domain,
    LanguageRegion,
    PublicationName,
    Spelling,
    DeclaredUsEnglish,
    LanguageConvention,
};

// A date written somewhere in the document, and where ("line 12", "<meta article:published_time>").
struct SeenDate {
    DateMatch date;
    std::string written;  // the text of the date as written
    std::string where;
};

// A document-wide hint: the domain, the language region, the publication's name, the spelling.
struct OrderClue {
    OrderEvidenceKind kind = OrderEvidenceKind::Domain;
    NumericOrder order = NumericOrder::DayFirst;
    std::string said;  // "the publication's address, www.example.co.uk, is in .uk"
};

struct DateOrderEvidence {
    std::vector<SeenDate> dates;
    std::vector<OrderClue> clues;
    std::string language;  // primary language subtag, lower case ("en", "de"); empty: not known
};

struct OrderDecision {
    NumericOrder order = NumericOrder::MonthFirst;
    OrderEvidenceKind kind = OrderEvidenceKind::LanguageConvention;
    std::string because;               // "another date on the page, \"25/03/2025\" (line 12), is day-first"
    std::vector<std::string> against;  // weaker evidence that pointed the other way
};

OrderDecision decideNumericOrder(const EitherWayDate& date, const DateOrderEvidence& evidence);

// The ISO date `m` stands for in this document: its only reading, or the one the evidence picks; `explanation`
// (when given) receives the --explain line for a decided date and is left alone otherwise.
std::string readDate(const DateMatch& m, const DateOrderEvidence& evidence, std::string* explanation = nullptr);

// "date: \"04/03/2025\" read day-first (4 March 2025): another date on the page, \"25/03/2025\" (line 12), is
// day-first; outweighs: the spelling is American (color ×2)".
std::string explainDecision(const EitherWayDate& date, const OrderDecision& decision);

// "4 March 2025" (words for a day and month of a year; the month names are English).
std::string dateInWords(int year, int month, int day);

}  // namespace galley
