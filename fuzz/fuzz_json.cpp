// Every JSON codec of the API on arbitrary bytes: never a crash, a hang or undefined
// behaviour; and whatever decodes must survive a round trip (decode(encode(x)) == x).
#include "domain/concert.h"
#include "domain/errorbody.h"
#include "domain/health.h"
#include "domain/hold.h"
#include "domain/jsonreader.h"
#include "domain/order.h"
#include "domain/queuestats.h"
#include "domain/queueticket.h"
#include "domain/ranking.h"
#include "domain/seatlayout.h"
#include "domain/seatstatus.h"

#include <QJsonArray>

#include <cstdio>
#include <cstdlib>

using namespace BoxOffice;

namespace {

template <typename T> void roundTrip(const QJsonValue &json, const char *name)
{
    const auto decoded = T::fromJson(json);
    if (!decoded)
        return;
    const auto again = T::fromJson(decoded.value().toJson());
    if (!again || !(again.value() == decoded.value())) {
        std::fprintf(stderr, "%s does not survive encode/decode\n", name);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto json = parseJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!json)
        return 0;
    const QJsonValue v = json.value();
    roundTrip<Concert>(v, "Concert");
    roundTrip<SeatLayout>(v, "SeatLayout");
    roundTrip<SeatStatus>(v, "SeatStatus");
    roundTrip<QueueTicket>(v, "QueueTicket");
    roundTrip<QueueStats>(v, "QueueStats");
    roundTrip<Hold>(v, "Hold");
    roundTrip<Order>(v, "Order");
    roundTrip<Ranking>(v, "Ranking");
    roundTrip<ErrorBody>(v, "ErrorBody");
    roundTrip<Health>(v, "Health");
    (void)Concert::listFromJson(v);
    return 0;
}
