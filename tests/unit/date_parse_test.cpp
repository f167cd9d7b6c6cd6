// date_parse_test.cpp — the date and time shapes the importer meets on web pages, and the ones it must refuse.
#include "date_parse.h"

#include <gtest/gtest.h>

using galley::findDateTime;
using galley::parseDateTime;

TEST(DateParse, MonthNameDates) {
    EXPECT_EQ(parseDateTime("November 15, 2017"), "2017-11-15");
    EXPECT_EQ(parseDateTime("Nov. 15, 2017"), "2017-11-15");
    EXPECT_EQ(parseDateTime("Sept 9th, 2022"), "2022-09-09");
    EXPECT_EQ(parseDateTime("15 November 2017"), "2017-11-15");
    EXPECT_EQ(parseDateTime("2nd of June, 2024"), "2024-06-02");
    EXPECT_EQ(parseDateTime("Monday, June 3, 2024"), "2024-06-03");
    EXPECT_EQ(parseDateTime("Tue. 4 Jun 2024"), "2024-06-04");
    EXPECT_EQ(parseDateTime("- January 20, 2018 -"), "2018-01-20");
}

TEST(DateParse, WithTimes) {
    EXPECT_EQ(parseDateTime("November 15, 2017 03:11 AM"), "2017-11-15T03:11");
    EXPECT_EQ(parseDateTime("November 15, 2017 03:11 PM"), "2017-11-15T15:11");
    EXPECT_EQ(parseDateTime("June 2, 2024, 9:05 p.m. EDT"), "2024-06-02T21:05-04:00");
    EXPECT_EQ(parseDateTime("June 2, 2024 at 12:30 am"), "2024-06-02T00:30");
    EXPECT_EQ(parseDateTime("2 June 2024 at 21:05 BST"), "2024-06-02T21:05+01:00");
    EXPECT_EQ(parseDateTime("June 2, 2024 | 9 pm"), "2024-06-02T21:00");
    EXPECT_EQ(parseDateTime("3:45 PM EDT, Tue June 4, 2024"), "2024-06-04T15:45-04:00");
    EXPECT_EQ(parseDateTime("March 1, 2023 10:00 GMT+8"), "2023-03-01T10:00+08:00");
    EXPECT_EQ(parseDateTime("March 1, 2023 10:00 (ET)"), "2023-03-01T10:00");
}

TEST(DateParse, NumericDates) {
    EXPECT_EQ(parseDateTime("04/03/2025 14:20"), "2025-04-03T14:20");
    EXPECT_EQ(parseDateTime("25/03/2025"), "2025-03-25");
    EXPECT_EQ(parseDateTime("15.11.2017"), "2017-11-15");
    EXPECT_EQ(parseDateTime("2025-04-03"), "2025-04-03");
    EXPECT_EQ(parseDateTime("2025/04/03 08:15:30"), "2025-04-03T08:15:30");
    EXPECT_EQ(parseDateTime("04/03/25"), "2025-04-03");
}

TEST(DateParse, Iso8601) {
    EXPECT_EQ(parseDateTime("2017-11-15T03:11:00Z"), "2017-11-15T03:11:00Z");
    EXPECT_EQ(parseDateTime("2017-11-15T03:11:00.250+05:30"), "2017-11-15T03:11:00+05:30");
    EXPECT_EQ(parseDateTime("2017-11-15T03:11-0400"), "2017-11-15T03:11-04:00");
    EXPECT_EQ(parseDateTime("2024-06-02 10:00:00 +0100"), "2024-06-02T10:00:00+01:00");
    EXPECT_EQ(findDateTime("June 2, 2024 9:05 - 10 people")->iso, "2024-06-02T09:05");
}

TEST(DateParse, FindsDatesInsideLines) {
    auto m = findDateTime("By Faith Magbanua on November 15, 2017 03:11 AM");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->iso, "2017-11-15T03:11");
    EXPECT_TRUE(m->hasTime);
    EXPECT_EQ(std::string("By Faith Magbanua on November 15, 2017 03:11 AM").substr(m->begin, m->end - m->begin),
              "November 15, 2017 03:11 AM");

    auto posted = findDateTime("Posted on September 9, 2022 by Jane Doe");
    ASSERT_TRUE(posted.has_value());
    EXPECT_EQ(posted->iso, "2022-09-09");
    EXPECT_FALSE(posted->hasTime);

    auto bar = findDateTime("By Ana Ruiz and Tom Hale | 04/03/2025 14:20");
    ASSERT_TRUE(bar.has_value());
    EXPECT_EQ(bar->iso, "2025-04-03T14:20");
}

TEST(DateParse, RefusesWhatIsNotADate) {
    EXPECT_EQ(parseDateTime("February 30, 2024"), "");
    EXPECT_EQ(parseDateTime("13/13/2024"), "");
    EXPECT_EQ(parseDateTime("June 2024"), "");
    EXPECT_EQ(parseDateTime("Posted in June"), "");
    EXPECT_EQ(parseDateTime("November 15, 2017 is when it happened"), "");
    EXPECT_FALSE(findDateTime("Call 555-12-2024 now").has_value());
    EXPECT_FALSE(findDateTime("version 1.2.2024.5").has_value());
    EXPECT_FALSE(findDateTime("They may 5 times refuse").has_value());
    EXPECT_FALSE(findDateTime("").has_value());
}

TEST(DateParse, LeapDays) {
    EXPECT_EQ(parseDateTime("February 29, 2024"), "2024-02-29");
    EXPECT_EQ(parseDateTime("February 29, 2023"), "");
    EXPECT_EQ(parseDateTime("February 29, 1900"), "");
}
