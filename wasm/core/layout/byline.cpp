// byline.cpp — see byline.h. Each language's words and long date form as its newspapers write them; months in the
// case a date takes (the genitive in Slavic languages, Greek and Finnish).
#include "byline.h"

#include "char_class.h"
#include "utf8.h"

#include <cstdlib>
#include <vector>

namespace galley {

namespace {

struct BylineLanguage {
    const char* lang;      // primary subtag
    const char* by;        // before the names ("" where bylines give only the names)
    const char* and_;      // between the last two names
    const char* date;      // {d} day, {m} month name, {n} month number, {y} year, {b} year of the Buddhist era
    const char* months[12];
    const char* comma = ", ";  // between names but the last two
    uint32_t zero = '0';       // the digits dates are written in (Persian: U+06F0)
};

// The first entry is the fallback.
constexpr BylineLanguage Languages[] = {
    {"en", "By ", " and ", "{m} {d}, {y}", {"January", "February", "March", "April", "May", "June", "July", "August",
                                             "September", "October", "November", "December"}},
    {"cs", "", " a ", "{d}. {m} {y}", {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna",
                                       "září", "října", "listopadu", "prosince"}},
    {"da", "Af ", " og ", "{d}. {m} {y}", {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                           "september", "oktober", "november", "december"}},
    {"de", "Von ", " und ", "{d}. {m} {y}", {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                             "September", "Oktober", "November", "Dezember"}},
    {"el", "", " και ", "{d} {m} {y}", {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
                                        "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"}},
    {"es", "Por ", " y ", "{d} de {m} de {y}", {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                                "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
    {"fi", "", " ja ", "{d}. {m} {y}", {"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta",
                                        "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta",
                                        "joulukuuta"}},
    {"fr", "Par ", " et ", "{d} {m} {y}", {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                           "septembre", "octobre", "novembre", "décembre"}},
    {"hu", "", " és ", "{y}. {m} {d}.", {"január", "február", "március", "április", "május", "június", "július",
                                         "augusztus", "szeptember", "október", "november", "december"}},
    {"it", "Di ", " e ", "{d} {m} {y}", {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                                         "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
    {"nb", "Av ", " og ", "{d}. {m} {y}", {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                                           "september", "oktober", "november", "desember"}},
    {"nl", "Door ", " en ", "{d} {m} {y}", {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                            "augustus", "september", "oktober", "november", "december"}},
    {"pl", "", " i ", "{d} {m} {y}", {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
                                      "sierpnia", "września", "października", "listopada", "grudnia"}},
    {"pt", "Por ", " e ", "{d} de {m} de {y}", {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                                                "agosto", "setembro", "outubro", "novembro", "dezembro"}},
    {"ro", "De ", " și ", "{d} {m} {y}", {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie",
                                          "august", "septembrie", "octombrie", "noiembrie", "decembrie"}},
    {"ru", "", " и ", "{d} {m} {y} г.", {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                         "сентября", "октября", "ноября", "декабря"}},
    {"sv", "Av ", " och ", "{d} {m} {y}", {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                           "september", "oktober", "november", "december"}},
    {"tr", "", " ve ", "{d} {m} {y}", {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
                                       "Eylül", "Ekim", "Kasım", "Aralık"}},
    {"uk", "", " і ", "{d} {m} {y} р.", {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
                                         "серпня", "вересня", "жовтня", "листопада", "грудня"}},
    {"vi", "", " và ", "ngày {d} tháng {n} năm {y}", {"", "", "", "", "", "", "", "", "", "", "", ""}},
    // Arabic and Hebrew join "and" to the name after it; Persian writes its own digits.
    {"ar", "", " و", "{d} {m} {y}", {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                                    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}, "، "},
    {"fa", "", " و ", "{d} {m} {y}", {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
                                     "اکتبر", "نوامبر", "دسامبر"}, "، ", 0x06F0},
    {"he", "מאת ", " ו", "{d} ב{m} {y}", {"ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט",
                                          "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"}},
    {"hi", "", " और ", "{d} {m} {y}", {"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
                                      "अक्टूबर", "नवंबर", "दिसंबर"}},
    {"th", "โดย ", " และ", "{d} {m} {b}", {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                          "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}},
    {"zh", "", "和", "{y}年{n}月{d}日", {"", "", "", "", "", "", "", "", "", "", "", ""}, "、"},
    {"ja", "", "、", "{y}年{n}月{d}日", {"", "", "", "", "", "", "", "", "", "", "", ""}, "、"},
    {"ko", "", ", ", "{y}년 {n}월 {d}일", {"", "", "", "", "", "", "", "", "", "", "", ""}},
};

const BylineLanguage& languageOf(std::string_view lang) {
    const std::string_view primary = lang.substr(0, lang.find('-'));
    for (const BylineLanguage& l : Languages) {
        const std::string_view name(l.lang);
        bool same = primary.size() == name.size();
        for (size_t i = 0; same && i < name.size(); ++i) same = chars::toLower(static_cast<unsigned char>(primary[i])) == static_cast<uint32_t>(name[i]);
        if (same) return l;
    }
    if (primary == "no" || primary == "nn") return languageOf("nb");  // Norwegian, either written form
    return Languages[0];
}

std::string joinAuthors(const std::vector<const Author*>& authors, const BylineLanguage& l) {
    std::string out;
    for (size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) out += i + 1 == authors.size() ? l.and_ : l.comma;
        out += authors[i]->name;
    }
    return out;
}

// "Updated" before a revised article's date, as its newspapers write it.
const char* updatedWord(std::string_view lang) {
    static const char* const words[][2] = {
        {"en", "Updated"}, {"cs", "Aktualizováno"}, {"da", "Opdateret"}, {"de", "Aktualisiert"},
        {"el", "Ενημερώθηκε"}, {"es", "Actualizado"}, {"fi", "Päivitetty"}, {"fr", "Mis à jour le"},
        {"hu", "Frissítve:"}, {"it", "Aggiornato il"}, {"nb", "Oppdatert"}, {"nl", "Bijgewerkt"},
        {"pl", "Aktualizacja:"}, {"pt", "Atualizado em"}, {"ro", "Actualizat"}, {"ru", "Обновлено"},
        {"sv", "Uppdaterad"}, {"tr", "Güncellendi:"}, {"uk", "Оновлено"}, {"vi", "Cập nhật"}, {"ar", "تحديث:"},
        {"fa", "به‌روزرسانی:"}, {"he", "עודכן"}, {"hi", "अपडेट:"}, {"th", "อัปเดต"}, {"zh", "更新于"}, {"ja", "更新"},
        {"ko", "업데이트"}};
    const std::string_view primary(languageOf(lang).lang);
    for (const auto& w : words)
        if (primary == w[0]) return w[1];
    return words[0][1];
}

}  // namespace

const char* linksHeading(std::string_view lang) {
    static const char* const words[][2] = {
        {"en", "Links"}, {"cs", "Odkazy"}, {"da", "Links"}, {"de", "Links"}, {"el", "Σύνδεσμοι"},
        {"es", "Enlaces"}, {"fi", "Linkit"}, {"fr", "Liens"}, {"hu", "Hivatkozások"}, {"it", "Collegamenti"},
        {"nb", "Lenker"}, {"nl", "Links"}, {"pl", "Odnośniki"}, {"pt", "Links"}, {"ro", "Linkuri"}, {"ru", "Ссылки"},
        {"sv", "Länkar"}, {"tr", "Bağlantılar"}, {"uk", "Посилання"}, {"vi", "Liên kết"}, {"ar", "الروابط"},
        {"fa", "پیوندها"}, {"he", "קישורים"}, {"hi", "लिंक"}, {"th", "ลิงก์"}, {"zh", "链接"}, {"ja", "リンク"},
        {"ko", "링크"}};
    const std::string_view primary(languageOf(lang).lang);
    for (const auto& w : words)
        if (primary == w[0]) return w[1];
    return words[0][1];
}

std::string formatDate(const std::string& iso, std::string_view lang) {
    if (iso.size() < 10) return iso;
    const int year = std::atoi(iso.substr(0, 4).c_str()), month = std::atoi(iso.substr(5, 2).c_str()),
              day = std::atoi(iso.substr(8, 2).c_str());
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
    const BylineLanguage& l = languageOf(lang);
    auto number = [&](int v) {
        const std::string ascii = std::to_string(v);
        if (l.zero == '0') return ascii;
        std::string local;
        for (char c : ascii) utf8::append(local, l.zero + static_cast<uint32_t>(c - '0'));
        return local;
    };
    std::string out;
    for (const char* p = l.date; *p; ++p) {
        if (p[0] == '{' && p[1] && p[2] == '}') {
            switch (p[1]) {
                case 'd': out += number(day); break;
                case 'm': out += l.months[month - 1]; break;
                case 'n': out += number(month); break;
                case 'y': out += number(year); break;
                case 'b': out += number(year + 543); break;
            }
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

std::string bylineText(const Article& article) {
    const BylineLanguage& l = languageOf(article.lang);
    std::vector<std::string> parts;
    // The writers after "By"; each contributor with a role by it ("Photographs: Grace Sample"), roles in the order
    // they first come, as a newspaper's credit line.
    std::vector<const Author*> writers;
    std::vector<std::pair<std::string, std::vector<const Author*>>> credits;
    for (const Author& a : article.authors) {
        if (a.role.empty()) { writers.push_back(&a); continue; }
        auto it = credits.begin();
        while (it != credits.end() && it->first != a.role) ++it;
        if (it == credits.end()) credits.push_back({a.role, {&a}});
        else it->second.push_back(&a);
    }
    if (!writers.empty()) parts.push_back(l.by + joinAuthors(writers, l));
    for (const auto& [role, who] : credits) parts.push_back(role + ": " + joinAuthors(who, l));
    if (!article.source.name.empty()) parts.push_back(article.source.name);
    if (!article.published.empty()) parts.push_back(formatDate(article.published, article.lang));
    // A revision on a later day than the publication (the same day's says nothing a reader needs).
    if (!article.updated.empty() && article.updated.compare(0, 10, article.published, 0, 10) != 0)
        parts.push_back(std::string(updatedWord(article.lang)) + " " + formatDate(article.updated, article.lang));
    std::string byline;
    for (size_t i = 0; i < parts.size(); ++i) byline += (i ? "  \u00B7  " : "") + parts[i];
    return byline;
}

}  // namespace galley
