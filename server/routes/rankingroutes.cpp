#include "server/routes/rankingroutes.h"

#include "server/http/httprouter.h"
#include "server/rank/rankingservice.h"

namespace BoxOffice::Server {

using namespace Qt::StringLiterals;

void addRankingRoutes(HttpRouter &router, RankingService &rankings)
{
    router.add("GET", u"/api/v1/rankings"_s, [&rankings](const HttpRequest &request) {
        const QString windowText = request.query.queryItemValue(u"window"_s, QUrl::FullyDecoded);
        const auto window = windowText.isEmpty() ? std::optional(Ranking::Window::All)
                                                 : Ranking::windowFromName(windowText);
        if (!window)
            return HttpResponse::error(Failure::Code::BadRequest, u"window must be day, week or all"_s);
        int limit = -1;
        if (request.query.hasQueryItem(u"limit"_s)) {
            bool ok = false;
            limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
            if (!ok || limit < 1 || limit > 1000)
                return HttpResponse::error(Failure::Code::BadRequest, u"limit must be a whole number from 1 to 1000"_s);
        }
        return respond(rankings.read(*window, limit));
    });
}

} // namespace BoxOffice::Server
