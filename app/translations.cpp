#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace BoxOffice {

using namespace Qt::StringLiterals;

bool installTranslations(const QString &language)
{
    if (language != u"ko" && language != u"en")
        return false;
    const QLocale locale = language == u"ko" ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                             : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(locale);
    // Owned by the application; a second call replaces the first.
    static QTranslator *qt = nullptr, *ours = nullptr;
    for (QTranslator **t : {&qt, &ours}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
        }
        *t = new QTranslator(QCoreApplication::instance());
    }
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    if (ours->load(locale, u"boxoffice"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace BoxOffice
