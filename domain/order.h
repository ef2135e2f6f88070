#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace BoxOffice {

// One seat's ticket: its QR code encodes `secret` (≥ 128 random bits).
struct Ticket
{
    QString seatId;
    QString label;   // "Section 109 · Row 1 · Seat 17"
    Money price;
    QString state;   // valid | used | refunded | revoked
    QString secret;

    QJsonObject toJson() const;
    static Result<Ticket> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Ticket &, const Ticket &) = default;
};

struct Customer
{
    QString name;
    QString phone;
    QString email;

    bool isEmpty() const { return name.isEmpty() && phone.isEmpty() && email.isEmpty(); }
    QJsonObject toJson() const;
    static Result<Customer> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Customer &, const Customer &) = default;
};

// POST /api/v1/admin/orders/{id}/refunds → 201, and each of an order's refunds.
struct Refund
{
    QString refundId;
    QString orderId;
    QStringList seats;
    Money amount;
    QString method;
    QDateTime at;
    QString reason;  // added to API.md's fields

    QJsonObject toJson() const;
    static Result<Refund> fromJson(const QJsonValue &json, const QString &path = {});
    friend bool operator==(const Refund &, const Refund &) = default;
};

// POST /api/v1/admin/orders/{id}/refunds: which seats (none: every seat not yet
// refunded), why, and where the seats go (available | not_for_sale).
struct RefundRequest
{
    QStringList seats;
    QString reason;
    QString release = QStringLiteral("available");

    QJsonObject toJson() const;
    friend bool operator==(const RefundRequest &, const RefundRequest &) = default;
};

// POST /api/v1/holds/{id}/purchase → 201 (the first fields, with code, status and
// tickets), and the whole order (GET /api/v1/orders/{id}): every field.
struct Order
{
    QString orderId;
    QString performanceId;
    QStringList seats;
    Money total;
    QDateTime purchasedAt;
    QString code;                  // 8 Crockford base32 characters
    QString status;                // paid | partially_refunded | refunded
    QList<Ticket> tickets;
    QString concertId;             // the whole order only, from here on
    QString paymentMethod;
    std::optional<Customer> customer;
    QString soldBy;                // a staff login; empty: bought online
    QList<Refund> refunds;

    // The current ticket of a seat (none: an order from before tickets, or not its seat).
    std::optional<Ticket> ticketFor(const QString &seatId) const;

    QJsonObject toJson() const;
    static Result<Order> fromJson(const QJsonValue &json, const QString &path = {});
    // GET /api/v1/admin/orders → {"orders":[…]}
    static Result<QList<Order>> listFromJson(const QJsonValue &json);
    friend bool operator==(const Order &, const Order &) = default;
};

} // namespace BoxOffice
