// Korean and English: every message of the client has a Korean translation with the
// same placeholders, plural messages have their forms, and the compiled translations
// load and change what the UI says.
#include "app/translations.h"
#include "models/concertmodel.h"

#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace BoxOffice;
using namespace Qt::StringLiterals;

namespace {

QDomDocument readTs(const QString &name)
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../resources/translations/") + name);
    QDomDocument doc;
    if (file.open(QIODevice::ReadOnly))
        doc.setContent(&file);
    return doc;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%(L?n|\\d)"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void korean_isCompleteWithTheSamePlaceholders()
    {
        const QDomDocument doc = readTs(u"boxoffice_ko.ts"_s);
        const QDomNodeList messages = doc.elementsByTagName(u"message"_s);
        QVERIFY(messages.size() > 200);
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            const QString source = m.firstChildElement(u"source"_s).text();
            const QDomElement translation = m.firstChildElement(u"translation"_s);
            QVERIFY2(translation.attribute(u"type"_s).isEmpty(), qPrintable(u"not translated: "_s + source));
            QString text = translation.text();
            if (m.attribute(u"numerus"_s) == u"yes") {
                QCOMPARE(translation.elementsByTagName(u"numerusform"_s).size(), 1);  // Korean: one form
                text = translation.firstChildElement(u"numerusform"_s).text();
            }
            QVERIFY2(!text.isEmpty(), qPrintable(u"empty: "_s + source));
            QVERIFY2(placeholders(text) == placeholders(source), qPrintable(source + u" → "_s + text));
        }
    }

    void english_hasBothPluralForms()
    {
        const QDomDocument doc = readTs(u"boxoffice_en.ts"_s);
        const QDomNodeList messages = doc.elementsByTagName(u"message"_s);
        QVERIFY(messages.size() > 0);
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            const QDomNodeList forms = m.firstChildElement(u"translation"_s).elementsByTagName(u"numerusform"_s);
            QCOMPARE(forms.size(), 2);
            for (int f = 0; f < 2; ++f)
                QVERIFY(!forms.at(f).toElement().text().isEmpty());
        }
    }

    void compiled_translationsChangeTheUi()
    {
        QVERIFY(!installTranslations(u"fr"_s));
        QVERIFY(installTranslations(u"en"_s));
        const char *context = "BoxOffice::ConcertModel";
        QCOMPARE(QCoreApplication::translate(context, "%n performance(s)", nullptr, 1), u"1 performance"_s);
        QCOMPARE(QCoreApplication::translate(context, "%n performance(s)", nullptr, 3), u"3 performances"_s);
        QVERIFY(installTranslations(u"ko"_s));
        const QString korean = QCoreApplication::translate(context, "%n performance(s)", nullptr, 3);
        QVERIFY2(korean.contains(u'3') && korean.contains(QRegularExpression(u"[\\x{AC00}-\\x{D7A3}]"_s)),
                 qPrintable(korean));
        QCOMPARE(QLocale().language(), QLocale::Korean);
        // Qt's own strings too (qtbase_ko from qt6-translations-l10n): the buttons of any
        // system dialog follow --lang.
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        QVERIFY2(cancel != u"Cancel"_s && cancel.contains(QRegularExpression(u"[\\x{AC00}-\\x{D7A3}]"_s)),
                 qPrintable(cancel));
        QVERIFY(installTranslations(u"en"_s));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
