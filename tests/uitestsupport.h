#pragma once

// For the client's UI tests: screenshots on demand, in the language asked for.
// BOXOFFICE_SCREENSHOTS=DIR saves them; BOXOFFICE_LANG=ko|en translates the UI first
// and names the files NAME-<lang>.png (tests that read English text skip themselves).
#include "app/translations.h"

#include <QString>
#include <QWidget>

namespace BoxOffice::Test {

inline QString testLanguage()
{
    return qEnvironmentVariable("BOXOFFICE_LANG");
}

// Call from initTestCase().
inline void installTestLanguage()
{
    if (!testLanguage().isEmpty())
        installTranslations(testLanguage());
}

inline void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("BOXOFFICE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    const QString lang = testLanguage();
    w->grab().save(dir + u'/' + name + (lang.isEmpty() ? QString() : u'-' + lang) + QStringLiteral(".png"));
}

} // namespace BoxOffice::Test
