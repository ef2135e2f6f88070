#pragma once

#include <QString>

namespace BoxOffice {

// Installs the client's translation for `language` ("ko" or "en") and Qt's own, and
// makes that language the default locale (numbers, dates). False for another language.
bool installTranslations(const QString &language);

} // namespace BoxOffice
