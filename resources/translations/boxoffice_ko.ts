<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../app/apierror.cpp" line="+24"/>
        <source>The server did not answer in time.</source>
        <translation>서버 응답 시간이 초과되었습니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server could not accept this request.</source>
        <translation>서버가 이 요청을 처리할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are not allowed to do this.</source>
        <translation>이 작업을 수행할 권한이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This item no longer exists.</source>
        <translation>더 이상 존재하지 않는 항목입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else was faster: these seats are no longer available.</source>
        <translation>다른 고객이 먼저 선택했습니다. 이 좌석은 더 이상 예매할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>요청이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The box office is temporarily unavailable. Please try again shortly.</source>
        <translation>예매 서비스를 일시적으로 이용할 수 없습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server reported an error (%1).</source>
        <translation>서버에서 오류가 발생했습니다(%1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The request was cancelled.</source>
        <translation>요청이 취소되었습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The connection to %1 is not safe, so BoxOffice did not use it: the secure handshake failed (is it an https:// server?).</source>
        <translation>%1 연결이 안전하지 않아 BoxOffice가 사용하지 않았습니다: 보안 연결(핸드셰이크)에 실패했습니다(https:// 서버가 맞습니까?).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인한 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server sent an answer this version of BoxOffice does not understand.</source>
        <translation>서버의 응답을 이 버전의 BoxOffice에서 처리할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::AccountsController</name>
    <message>
        <location filename="../../app/accountscontroller.cpp" line="+35"/>
        <source>No accounts yet: add the first one.</source>
        <translation>아직 계정이 없습니다. 첫 계정을 추가하세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n account(s).</source>
        <translation>
            <numerusform>계정 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Account %1 added: %2 can sign in now.</source>
        <translation>계정 %1을(를) 추가했습니다. 이제 %2 님이 로그인할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is deactivated and signed out everywhere.</source>
        <translation>%1 계정을 비활성화했으며 모든 곳에서 로그아웃되었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is active again.</source>
        <translation>%1 계정을 다시 활성화했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account %1 saved.</source>
        <translation>계정 %1을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This login is taken: choose another.</source>
        <translation>이미 사용 중인 로그인 ID입니다. 다른 ID를 입력하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept the PIN: it must be 4 to 12 digits.</source>
        <translation>서버가 PIN을 받아들이지 않았습니다. PIN은 4~12자리 숫자여야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not accept this: %1</source>
        <translation>서버가 요청을 받아들이지 않았습니다: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an admin may change accounts.</source>
        <translation>계정은 관리자만 변경할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This account no longer exists.</source>
        <translation>이 계정은 더 이상 존재하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::AuditController</name>
    <message>
        <location filename="../../app/auditcontroller.cpp" line="+37"/>
        <source>Reading the audit log…</source>
        <translation>감사 로그를 읽는 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No entries match.</source>
        <translation>조건에 맞는 기록이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entry(ies), newest first.</source>
        <translation>
            <numerusform>기록 %n건 (최신순).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff key</source>
        <translation>스태프 키</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save %1: %2</source>
        <translation>%1에 저장할 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Saved %n entry(ies) to %1.</source>
        <translation>
            <numerusform>기록 %n건을 %1에 저장했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::AuditLogModel</name>
    <message>
        <location filename="../../models/auditlogmodel.cpp" line="+81"/>
        <source>Signed in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>로그인 실패</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked out after failed sign-ins</source>
        <translation>로그인 실패 반복으로 잠김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account created</source>
        <translation>계정 생성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account changed</source>
        <translation>계정 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats held</source>
        <translation>좌석 선점</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold released</source>
        <translation>선점 해제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold released by force</source>
        <translation>선점 강제 해제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats taken off sale or put back</source>
        <translation>좌석 판매 중지 또는 재개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale</source>
        <translation>판매</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets reissued</source>
        <translation>티켓 재발급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket checked in</source>
        <translation>티켓 입장 확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting room settings changed</source>
        <translation>대기실 설정 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test crowd added (QA)</source>
        <translation>테스트 대기 인원 추가 (QA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions ended (QA)</source>
        <translation>세션 종료 (QA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash: %1</source>
        <translation>현금: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff key</source>
        <translation>스태프 키</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The server&apos;s configured staff key</source>
        <translation>서버에 설정된 스태프 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account %1</source>
        <translation>계정 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No account by this login</source>
        <translation>이 로그인 ID의 계정이 없습니다</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>사람</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
</context>
<context>
    <name>BoxOffice::AuditLogView</name>
    <message>
        <location filename="../../ui/auditlogview.cpp" line="+46"/>
        <source>Audit log — BoxOffice</source>
        <translation>감사 로그 — BoxOffice</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+122"/>
        <source>Everyone</source>
        <translation>모든 사람</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Choose a person, or type a login</source>
        <translation>사람을 선택하거나 로그인 ID를 입력하세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>All actions</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose an action, or type its code (e.g. order.sale)</source>
        <translation>작업을 선택하거나 코드를 입력하세요 (예: order.sale)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;From:</source>
        <translation>시작(&amp;F):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;To:</source>
        <translation>끝(&amp;T):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How many entries to read, newest first</source>
        <translation>최신순으로 읽어 올 기록 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the entries shown as a CSV file (UTF-8)</source>
        <translation>표시된 기록을 CSV 파일(UTF-8)로 저장합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Person:</source>
        <translation>사람(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ction:</source>
        <translation>작업(&amp;C):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entries:</source>
        <translation>기록 수(&amp;E):</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Export the audit log</source>
        <translation>감사 로그 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
</context>
<context>
    <name>BoxOffice::BookingController</name>
    <message>
        <location filename="../../app/bookingcontroller.cpp" line="+78"/>
        <source>Ticket saved to %1.</source>
        <translation>티켓을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your tickets are printing. Take them from the printer.</source>
        <translation>티켓을 인쇄하고 있습니다. 프린터에서 가져가세요.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>It is your turn</source>
        <translation>고객님 차례입니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick your seats now: your session has started.</source>
        <translation>지금 좌석을 선택하세요. 예매 세션이 시작되었습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::BookingSession</name>
    <message>
        <location filename="../../app/bookingsession.cpp" line="+129"/>
        <source>Connected again. You are back in line; your place is shown.</source>
        <translation>다시 연결되었습니다. 대기열로 돌아왔으며 현재 순서가 표시됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Connected again. It is your turn: pick your seats.</source>
        <translation>다시 연결되었습니다. 차례가 되었습니다. 좌석을 고르세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your session has ended. Join the queue again to buy.</source>
        <translation>세션이 끝났습니다. 구매하려면 다시 대기열에 들어가세요.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Offline: the seats as they were at %1. Buying needs the connection.</source>
        <translation>오프라인: %1 기준 좌석 상태입니다. 구매하려면 연결이 필요합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: the seat plan only; no seat status was saved. Buying needs the connection.</source>
        <translation>오프라인: 좌석 배치도만 있고 저장된 좌석 상태가 없습니다. 구매하려면 연결이 필요합니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone else was faster: %1 no longer available, and no %2 seats together are left in that tier. Pick seats yourself, or try fewer.</source>
        <translation>다른 분이 먼저 선택했습니다: %1 좌석은 더 이상 없고, 이 등급에는 붙어 있는 %2석이 남아 있지 않습니다. 직접 좌석을 고르거나 매수를 줄여 보세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone else was faster: %1 no longer available. The nearest %2 seats together in the same tier are picked for you: %3. Hold them, or pick others.</source>
        <translation>다른 분이 먼저 선택했습니다: %1 좌석은 더 이상 없습니다. 같은 등급에서 가장 가까운 붙은 좌석 %2석을 골라 두었습니다: %3. 이 좌석을 선점하거나 다른 좌석을 고르세요.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No such block of seats is left in that tier. Try fewer seats or another tier.</source>
        <translation>이 등급에는 그만큼 붙어 있는 좌석이 남아 있지 않습니다. 매수를 줄이거나 다른 등급을 선택하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else was faster: %1 no longer available. Looking for seats together nearby…</source>
        <translation>다른 분이 먼저 선택했습니다: %1 좌석은 더 이상 없습니다. 근처의 붙은 좌석을 찾는 중…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The hold has expired; the seats went back on sale.</source>
        <translation>선점 시간이 끝나 좌석이 다시 판매됩니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Released.</source>
        <translation>선점을 해제했습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::BookingWindow</name>
    <message>
        <location filename="../../ui/bookingwindow.cpp" line="+58"/>
        <location line="+260"/>
        <source>%1 — BoxOffice</source>
        <translation>%1 — BoxOffice</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Leave the queue</source>
        <translation>대기열 나가기</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>How many seats together</source>
        <translation>함께 앉을 좌석 수</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Best available</source>
        <translation>자동 배정</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hold these seats</source>
        <translation>이 좌석 임시 확보</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cash received: </source>
        <translation>받은 현금: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Release</source>
        <translation>임시 확보 해제</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer (optional)</source>
        <translation>고객 (선택)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone:</source>
        <translation>전화(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-&amp;mail:</source>
        <translation>이메일(&amp;M):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave</source>
        <translation>나가기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give back held seats and your place, and close.</source>
        <translation>임시 확보한 좌석과 대기 순번을 반납하고 닫습니다.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Someone else just took %1. It is no longer in your selection.</source>
        <translation>방금 다른 분이 %1 좌석을 가져갔습니다. 선택에서 빠졌습니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Each ticket&apos;s code, as on the printed ticket: one per seat</source>
        <translation>인쇄된 티켓과 같은 티켓별 코드: 좌석마다 하나</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save ticket as PDF…</source>
        <translation>티켓을 PDF로 저장…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+65"/>
        <source>Print ticket…</source>
        <translation>티켓 인쇄…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>New sale</source>
        <translation>새 판매</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save ticket</source>
        <translation>티켓 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ticket-%1.pdf</source>
        <translation>ticket-%1.pdf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tap a section to see its seats, then tap up to 4 seats. The buttons on the map zoom in, zoom out and show the whole venue; drag to move.</source>
        <translation>구역을 누르면 좌석이 보입니다. 좌석은 4석까지 누르세요. 지도 위 버튼으로 확대, 축소, 전체 보기를 할 수 있고, 끌어서 이동합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counter sale: click seats (up to 50), or use the arrow keys and Space. Scroll or press + and − to zoom; drag to move.</source>
        <translation>현장 판매: 좌석을 클릭하거나(최대 50석) 방향키와 Space 키로 선택하세요. 스크롤하거나 + 또는 − 키를 눌러 확대·축소하고, 드래그하여 이동합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click seats (up to 4), or use the arrow keys and Space. Scroll or press + and − to zoom; drag to move.</source>
        <translation>좌석을 클릭하거나(최대 4석) 방향키와 Space 키로 선택하세요. 스크롤하거나 + 또는 − 키를 눌러 확대·축소하고, 드래그하여 이동합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take payment</source>
        <translation>결제 받기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Buy (test payment)</source>
        <translation>구매 (테스트 결제)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale complete</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your tickets are booked</source>
        <translation>예매가 완료되었습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Print ticket</source>
        <translation>티켓 인쇄</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2 — BoxOffice</source>
        <translation>%1 · %2 — BoxOffice</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>In the pre-queue: number %1</source>
        <translation>사전 대기열: %1번</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are number %1 in line</source>
        <translation>현재 대기 순번은 %1번입니다</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln person(s) ahead of you, %1 waiting in all</source>
        <translation>
            <numerusform>내 앞 대기 %Ln명, 전체 대기 %1명</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admissions are paused for the moment. You keep your place in line; no wait can be estimated until they resume.</source>
        <translation>입장이 잠시 중단되었습니다. 대기 순서는 그대로 유지되며, 다시 시작될 때까지 예상 대기 시간을 알 수 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Estimated wait: under a minute</source>
        <translation>예상 대기 시간: 1분 미만</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimated wait: %1–%2 minutes</source>
        <translation>예상 대기 시간: %1~%2분</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>%1 left to buy</source>
        <translation>구매까지 %1 남음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your turn: %1 left to pick and buy</source>
        <translation>내 차례: 좌석 선택과 구매까지 %1 남음</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Paid in cash: %1 received, %2 change</source>
        <translation>현금 결제: %1 받음, 거스름돈 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid in cash</source>
        <translation>현금 결제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid by card</source>
        <translation>카드 결제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test payment (no money taken)</source>
        <translation>테스트 결제 (실제 결제 없음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total: %1</source>
        <translation>합계: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customer: %1</source>
        <translation>고객: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This kiosk has no printer: show the codes above at the door (one per seat), or take a picture of them. The box office can print them for you.</source>
        <translation>이 키오스크에는 프린터가 없습니다. 입장할 때 위의 코드(좌석마다 하나)를 보여 주거나 사진으로 찍어 두세요. 매표소에서 인쇄해 드릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Updated %1</source>
        <translation>최종 업데이트: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimated wait: %1 to %2</source>
        <translation>예상 대기 시간: %1 ~ %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Filled: available · hollow: held · small grey: sold</source>
        <translation>채움: 예매 가능 · 테두리만: 임시 확보 · 작은 회색: 판매 완료</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No seats picked yet.</source>
        <translation>아직 선택한 좌석이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 · %2 · %3 left</source>
        <translation>%1 · %2 · %3석 남음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · sold out</source>
        <translation>%1 · %2 · 매진</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Change: %1</source>
        <translation>거스름돈: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 still to pay</source>
        <translation>%1 더 받아야 함</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Held: %1 (%2)</source>
        <translation>임시 확보: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>BoxOffice::BoxOfficeApp</name>
    <message>
        <location filename="../../app/boxofficeapp.cpp" line="+107"/>
        <location line="+286"/>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message>
        <location line="-272"/>
        <source>Local server (embedded demo) at %1</source>
        <translation>로컬 서버(내장 데모): %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local server not running</source>
        <translation>로컬 서버가 실행되고 있지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local box office could not start</source>
        <translation>로컬 예매 서버를 시작할 수 없습니다</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Staff: signing in…</source>
        <translation>스태프: 로그인 중…</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The QA tools are for managers.</source>
        <translation>QA 도구는 매니저 이상만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The audit log is for managers.</source>
        <translation>감사 로그는 매니저 이상만 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Staff accounts are for admins.</source>
        <translation>스태프 계정은 관리자만 관리할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Taking seats off sale is for managers.</source>
        <translation>좌석 판매 중지는 매니저만 할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The orders are for staff.</source>
        <translation>주문 관리는 스태프 전용입니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A kiosk keeps nobody&apos;s orders.</source>
        <translation>키오스크는 누구의 주문도 보관하지 않습니다.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Starting the local box office…</source>
        <translation>로컬 예매 서버를 시작하는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting the local server…</source>
        <translation>로컬 서버를 시작하는 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading concerts…</source>
        <translation>공연 목록을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+8"/>
        <source>Cannot load the concerts</source>
        <translation>공연 목록을 불러올 수 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Offline: the box office cannot be reached. This is the list as of %1; buying needs the connection. Press F5 to try again.</source>
        <translation>오프라인: 예매 서버에 연결할 수 없습니다. %1 기준 목록이며, 예매하려면 네트워크 연결이 필요합니다. F5 키를 눌러 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::ConcertModel</name>
    <message>
        <location filename="../../models/concertmodel.cpp" line="+95"/>
        <source>%1 by %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n performance(s)</source>
        <translation>
            <numerusform>공연 %n회</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+37"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Sales open %1</source>
        <translation>예매 오픈: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>yyyy년 M월 d일 (ddd) HH:mm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opens %1</source>
        <translation>%1 오픈</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>d MMM, HH:mm</source>
        <translation>M월 d일 HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On sale</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>매진</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Concert / performance</source>
        <translation>공연 / 회차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artist</source>
        <translation>아티스트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genre</source>
        <translation>장르</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>공연장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>판매 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats available</source>
        <translation>잔여석</translation>
    </message>
</context>
<context>
    <name>BoxOffice::DoorController</name>
    <message>
        <location filename="../../app/doorcontroller.cpp" line="+47"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>BoxOffice::DoorView</name>
    <message>
        <location filename="../../ui/doorview.cpp" line="+40"/>
        <source>Door check-in — BoxOffice</source>
        <translation>입장 확인 — BoxOffice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Performance:</source>
        <translation>공연(&amp;P):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scan a ticket, or type its code and press Enter</source>
        <translation>티켓을 스캔하거나 코드를 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket code</source>
        <translation>티켓 코드</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Last scans</source>
        <translation>최근 스캔</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan the first ticket.</source>
        <translation>첫 티켓을 스캔하세요.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This ticket has been used already.</source>
        <translation>이미 사용된 티켓입니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This ticket went in at %1.</source>
        <translation>이 티켓은 %1에 입장했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ticket was replaced by a reissue: ask for the new one.</source>
        <translation>재발행으로 대체된 티켓입니다. 새 티켓을 요청하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket was refunded.</source>
        <translation>환불된 티켓입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This ticket is for another performance.</source>
        <translation>다른 공연의 티켓입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ticket has this code. Scan it again, or type the code.</source>
        <translation>이 코드의 티켓이 없습니다. 다시 스캔하거나 코드를 입력하세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ADMIT</source>
        <translation>입장 가능</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALREADY USED</source>
        <translation>이미 사용됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REVOKED</source>
        <translation>무효 (재발행됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFUNDED</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WRONG PERFORMANCE</source>
        <translation>다른 공연</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UNKNOWN TICKET</source>
        <translation>알 수 없는 티켓</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NOT CHECKED</source>
        <translation>확인 안 됨</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1
Scan the ticket again.</source>
        <translation>%1
티켓을 다시 스캔하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1  not checked: %2</source>
        <translation>%1  확인 안 됨: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Admitted: %1 · Refused: %2</source>
        <translation>입장: %1 · 거절: %2</translation>
    </message>
</context>
<context>
    <name>BoxOffice::EmbeddedServer</name>
    <message>
        <location filename="../../app/embeddedserver.cpp" line="+40"/>
        <source>The local server (%1) could not be started: %2</source>
        <translation>로컬 서버(%1)를 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local server stopped unexpectedly.</source>
        <translation>로컬 서버가 예기치 않게 중지되었습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local server exited (code %1).</source>
        <translation>로컬 서버가 종료되었습니다(코드 %1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local server did not become ready in time.</source>
        <translation>로컬 서버가 제시간에 준비되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The local server announced an address that cannot be used.</source>
        <translation>로컬 서버가 사용할 수 없는 주소를 알려 왔습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::KioskController</name>
    <message>
        <location filename="../../app/kioskcontroller.cpp" line="+327"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>Too many wrong PINs. Try again after %1.</source>
        <translation>PIN을 너무 많이 잘못 입력했습니다. %1 이후에 다시 시도하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong PIN.</source>
        <translation>PIN이 올바르지 않습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+50"/>
        <location line="+115"/>
        <source>BoxOffice</source>
        <translation>BoxOffice</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rankings</source>
        <translation>예매 순위(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Staff</source>
        <translation>스태프(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sign in…</source>
        <translation>로그인(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dashboard</source>
        <translation>대시보드(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Audit log</source>
        <translation>감사 로그(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ccounts</source>
        <translation>계정(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;QA tools</source>
        <translation>QA 도구(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Door chec&amp;k-in…</source>
        <translation>입장 확인(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Till…</source>
        <translation>금전 등록기(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats &amp;not for sale…</source>
        <translation>판매 중지 좌석(&amp;N)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My &amp;orders</source>
        <translation>내 주문(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;rders…</source>
        <translation>주문(&amp;R)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About BoxOffice</source>
        <translation>BoxOffice 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About BoxOffice</source>
        <translation>BoxOffice 정보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;BoxOffice&lt;/b&gt;&lt;p&gt;A fair waiting room and box office for concert sales.&lt;/p&gt;</source>
        <translation>&lt;b&gt;BoxOffice&lt;/b&gt;&lt;p&gt;공정한 대기열을 갖춘 콘서트 예매·매표 프로그램입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Loading concerts…</source>
        <translation>공연 목록을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Concerts and performances</source>
        <translation>공연 및 회차</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search concerts, artists, genres, venues…</source>
        <translation>공연, 아티스트, 장르, 공연장 검색…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the concerts again (F5)</source>
        <translation>공연 목록 다시 불러오기 (F5)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+24"/>
        <source>Double-click a performance to buy tickets</source>
        <translation>회차를 더블클릭하여 예매하세요</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap a performance to buy tickets</source>
        <translation>회차를 누르면 예매할 수 있습니다</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Staff key</source>
        <translation>스태프 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in: %1 (%2)</source>
        <translation>로그인: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in with the server&apos;s staff key</source>
        <translation>서버의 스태프 키로 로그인했습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login: %1</source>
        <translation>로그인 ID: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff: not signed in</source>
        <translation>스태프: 로그인하지 않음</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Updated %1</source>
        <translation>최종 업데이트: %1</translation>
    </message>
</context>
<context>
    <name>BoxOffice::MyOrdersController</name>
    <message>
        <location filename="../../app/myorderscontroller.cpp" line="+34"/>
        <source>Tickets saved to %1.</source>
        <translation>티켓을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tickets went to %1.</source>
        <translation>티켓을 %1(으)로 보냈습니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No orders yet.</source>
        <translation>아직 주문이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets you buy on this computer are listed here.</source>
        <translation>이 컴퓨터에서 구매한 티켓이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading your orders…</source>
        <translation>주문을 불러오는 중…</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n order(s).</source>
        <translation>
            <numerusform>주문 %n건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s) could not be read: %1</source>
        <translation>
            <numerusform>주문 %n건을 불러오지 못했습니다: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::NotForSaleController</name>
    <message>
        <location filename="../../app/notforsalecontroller.cpp" line="+70"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading the seat map…</source>
        <translation>좌석 배치도를 불러오는 중…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Nothing was put back on sale: %1 no longer off sale (someone changed them).</source>
        <translation>다시 판매된 좌석이 없습니다: %1은(는) 더 이상 판매 중지 상태가 아닙니다(다른 사람이 변경함).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was taken off sale: %1 no longer on sale (held or sold meanwhile).</source>
        <translation>판매 중지된 좌석이 없습니다: %1은(는) 더 이상 판매 중이 아닙니다(그사이 선점 또는 판매됨).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>some seats</source>
        <translation>일부 좌석</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back on sale: %1.</source>
        <translation>다시 판매: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken off sale: %1.</source>
        <translation>판매 중지: %1.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::NotForSaleView</name>
    <message>
        <location filename="../../ui/notforsaleview.cpp" line="+19"/>
        <source>Seats not for sale — BoxOffice</source>
        <translation>판매 중지 좌석 — BoxOffice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Performance:</source>
        <translation>공연(&amp;P):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click seats to pick them, or hold Shift and drag over a block. Seats on sale are drawn in their tier&apos;s colour and shape, seats not for sale as a grey ×, sold seats small and grey, held seats hollow.</source>
        <translation>좌석을 클릭해 선택하거나, Shift를 누른 채 드래그해 구역을 한 번에 선택하세요. 판매 중인 좌석은 등급의 색과 모양으로, 판매 중지 좌석은 회색 ×로, 판매된 좌석은 작은 회색으로, 선점된 좌석은 속이 빈 모양으로 표시됩니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>C&amp;lear selection</source>
        <translation>선택 해제(&amp;L)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>No seats picked.</source>
        <translation>선택한 좌석이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n seat(s) picked</source>
        <translation>
            <numerusform>좌석 %n개 선택</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on sale, %2 not for sale</source>
        <translation>판매 중 %1, 판매 중지 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Take off sale (%1)</source>
        <translation>판매 중지(&amp;T) (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put &amp;back on sale (%1)</source>
        <translation>다시 판매(&amp;B) (%1)</translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrderDetailWidget</name>
    <message>
        <location filename="../../ui/orderdetailwidget.cpp" line="+30"/>
        <source>card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test payment</source>
        <translation>테스트 결제</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Seat</source>
        <translation>좌석</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Print tickets…</source>
        <translation>티켓 인쇄(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>PDF로 저장(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;issue tickets…</source>
        <translation>티켓 재발급(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New codes for every valid ticket: the old ones no longer open the door</source>
        <translation>유효한 티켓마다 새 코드를 발급합니다. 이전 코드로는 더 이상 입장할 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refund…</source>
        <translation>환불(&amp;R)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Each valid ticket&apos;s code, as on the printed ticket: show it at the door</source>
        <translation>유효한 티켓마다의 코드입니다. 인쇄된 티켓과 같으며, 입장할 때 보여 주세요</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose an order to see its tickets.</source>
        <translation>주문을 선택하면 티켓이 표시됩니다.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Order %1 · %2</source>
        <translation>주문 %1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2, %3</source>
        <translation>%1 · %2, %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bought online %1 (%2)</source>
        <translation>온라인 구매 %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sold at the counter with the staff key, %1 (%2)</source>
        <translation>스태프 키로 현장 판매, %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sold at the counter by %1, %2 (%3)</source>
        <translation>%1 현장 판매, %2 (%3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer: %1</source>
        <translation>고객: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Total: %1 for %n seat(s)</source>
        <translation>
            <numerusform>합계: 좌석 %n개, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No ticket</source>
        <translation>티켓 없음</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Refunded %1 for %n seat(s) on %2</source>
        <translation>
            <numerusform>%2에 좌석 %n개, %1 환불</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refunded %1 for %n seat(s) on %2: %3</source>
        <translation>
            <numerusform>%2에 좌석 %n개, %1 환불: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reissue tickets</source>
        <translation>티켓 재발급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue new codes for the valid tickets of order %1?</source>
        <translation>주문 %1의 유효한 티켓에 새 코드를 발급할까요?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The printed tickets stop working at once: print or send the new ones.</source>
        <translation>인쇄된 티켓은 즉시 사용할 수 없게 됩니다. 새 티켓을 인쇄하거나 보내 주세요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save tickets</source>
        <translation>티켓 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tickets-%1.pdf</source>
        <translation>티켓-%1.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrderListModel</name>
    <message>
        <location filename="../../models/orderlistmodel.cpp" line="+68"/>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partly refunded</source>
        <translation>부분 환불</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Valid</source>
        <translation>유효</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used</source>
        <translation>사용됨</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revoked</source>
        <translation>무효</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Section %1</source>
        <translation>%1구역</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · %2열 · %3번</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Order id: %1</source>
        <translation>주문 ID: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bought online</source>
        <translation>온라인 구매</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought</source>
        <translation>구매 시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrdersController</name>
    <message>
        <location filename="../../app/orderscontroller.cpp" line="+44"/>
        <source>Tickets saved to %1.</source>
        <translation>티켓을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tickets went to %1.</source>
        <translation>티켓을 %1(으)로 보냈습니다.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No orders yet.</source>
        <translation>아직 주문이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No order matches. Parts of names, phones and e-mails are found from 3 characters on.</source>
        <translation>일치하는 주문이 없습니다. 이름, 전화번호, 이메일의 일부는 3글자부터 검색됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No order matches.</source>
        <translation>일치하는 주문이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n order(s).</source>
        <translation>
            <numerusform>최근 주문 %n건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n orders that match; type more to narrow it.</source>
        <translation>
            <numerusform>일치하는 최근 주문 %n건. 더 입력하면 좁혀집니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s) match.</source>
        <translation>
            <numerusform>일치하는 주문 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose an order to see its tickets.</source>
        <translation>주문을 선택하면 티켓이 표시됩니다.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Issuing new tickets…</source>
        <translation>새 티켓을 발급하는 중…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New tickets issued for order %1: the old codes no longer open the door. Print the new tickets.</source>
        <translation>주문 %1의 티켓을 새로 발급했습니다. 이전 코드로는 더 이상 입장할 수 없습니다. 새 티켓을 인쇄하세요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refunding…</source>
        <translation>환불하는 중…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Refunded %1 for %n seat(s) of order %2.</source>
        <translation>
            <numerusform>주문 %2의 좌석 %n개, %1을(를) 환불했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrdersView</name>
    <message>
        <location filename="../../ui/ordersview.cpp" line="+26"/>
        <source>Orders — BoxOffice</source>
        <translation>주문 — BoxOffice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>My orders — BoxOffice</source>
        <translation>내 주문 — BoxOffice</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find:</source>
        <translation>찾기(&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order code, customer name, phone, e-mail or seat</source>
        <translation>주문 코드, 고객 이름, 전화번호, 이메일 또는 좌석</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The orders bought on this computer. Choose one to see or print its tickets.</source>
        <translation>이 컴퓨터에서 구매한 주문입니다. 주문을 선택하면 티켓을 보거나 인쇄할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
</context>
<context>
    <name>BoxOffice::OutOfOrderScreen</name>
    <message>
        <location filename="../../ui/kioskscreens.cpp" line="+163"/>
        <source>This kiosk is out of order for the moment</source>
        <translation>현재 이 키오스크를 이용할 수 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please use another kiosk or the box office counter. We are sorry for the wait.</source>
        <translation>다른 키오스크나 매표소 창구를 이용해 주세요. 불편을 드려 죄송합니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trying again by itself · last try %1</source>
        <translation>자동으로 다시 시도하는 중 · 마지막 시도 %1</translation>
    </message>
</context>
<context>
    <name>BoxOffice::PinKeypad</name>
    <message>
        <location filename="../../ui/pinkeypad.cpp" line="+34"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the PIN</source>
        <translation>PIN을 모두 지웁니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Delete the last digit</source>
        <translation>마지막 숫자 지우기</translation>
    </message>
</context>
<context>
    <name>BoxOffice::PinPad</name>
    <message>
        <location filename="../../ui/kioskscreens.cpp" line="-81"/>
        <source>Staff PIN</source>
        <translation>스태프 PIN</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete the last digit</source>
        <translation>마지막 숫자 지우기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back</source>
        <translation>돌아가기</translation>
    </message>
</context>
<context>
    <name>BoxOffice::QaController</name>
    <message>
        <location filename="../../app/qacontroller.cpp" line="+18"/>
        <source>QA</source>
        <translation>QA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adding %1 simulated buyers…</source>
        <translation>가상 구매자 %1명을 추가하는 중…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln simulated buyer(s) joined the queue. They never leave by themselves.</source>
        <translation>
            <numerusform>가상 구매자 %Ln명이 대기열에 참여했습니다. 가상 구매자는 스스로 대기열을 떠나지 않습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n session(s) ended; the next waiters come in at the next tick.</source>
        <translation>
            <numerusform>세션 %n개가 종료되었습니다. 다음 대기자는 다음 주기에 입장합니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not a server address: &quot;%1&quot;. Give an http(s) URL.</source>
        <translation>서버 주소가 아닙니다: &quot;%1&quot;. http(s) URL을 입력하세요.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>booking</source>
        <translation>예매</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Now on %1.</source>
        <translation>현재 서버: %1</translation>
    </message>
</context>
<context>
    <name>BoxOffice::QaPanel</name>
    <message>
        <location filename="../../ui/qapanel.cpp" line="+26"/>
        <source>QA tools — BoxOffice</source>
        <translation>QA 도구 — BoxOffice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Switch</source>
        <translation>전환</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting room</source>
        <translation>대기실</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Concert:</source>
        <translation>공연:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not read yet</source>
        <translation>아직 불러오지 않음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now:</source>
        <translation>현재:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add simulated buyers</source>
        <translation>가상 구매자 추가</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Crowd:</source>
        <translation>가상 인원:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expire active sessions</source>
        <translation>활성 세션 만료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends the sessions nearest their end now; the next waiters are let in.</source>
        <translation>종료 시각이 가장 가까운 세션을 지금 종료하고 다음 대기자를 입장시킵니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sessions:</source>
        <translation>세션:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Live channel, raw</source>
        <translation>실시간 채널 (원본)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter: only frames containing this text</source>
        <translation>필터: 이 텍스트가 포함된 프레임만 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 waiting · %2 of %3 active · %4 admitted in the last minute%5</source>
        <translation>대기 %1명 · 활성 %2/%3 · 최근 1분간 입장 %4명%5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · paused</source>
        <translation> · 일시 정지됨</translation>
    </message>
</context>
<context>
    <name>BoxOffice::QueueDashboardModel</name>
    <message>
        <location filename="../../models/queuedashboardmodel.cpp" line="+129"/>
        <source>under a minute</source>
        <translation>1분 미만</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nobody waiting</source>
        <translation>대기 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not moving</source>
        <translation>정체</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unavailable</source>
        <translation>조회 불가</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admitting</source>
        <translation>입장 중</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active / capacity</source>
        <translation>활성 / 최대</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admitted / min</source>
        <translation>분당 입장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait of the last in line</source>
        <translation>마지막 대기자 대기 시간</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
</context>
<context>
    <name>BoxOffice::RankingModel</name>
    <message>
        <location filename="../../models/rankingmodel.cpp" line="+59"/>
        <source>Seats sold in this period: %1</source>
        <translation>이 기간에 팔린 좌석: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 seats sold since sales opened</source>
        <translation>판매 시작 이후 %2석 중 %1석 판매</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This concert&apos;s share of all seats sold in this period</source>
        <translation>이 기간에 팔린 전체 좌석 중 이 공연의 비율</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>opens %1</source>
        <translation>%1 오픈</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>d MMM, HH:mm</source>
        <translation>M월 d일 HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>selling</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 days</source>
        <translation>%1일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 /min</source>
        <translation>분당 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▼ %1</source>
        <translation>▼ %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking share</source>
        <translation>예매 점유율</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sold today</source>
        <translation>오늘 판매</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold this week</source>
        <translation>이번 주 판매</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold, all time</source>
        <translation>전체 기간 판매</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sell-through</source>
        <translation>판매율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out in</source>
        <translation>매진 소요 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First 10 min</source>
        <translation>첫 10분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>변동</translation>
    </message>
</context>
<context>
    <name>BoxOffice::RankingView</name>
    <message>
        <location filename="../../ui/rankingview.cpp" line="+28"/>
        <source>Rankings — BoxOffice</source>
        <translation>예매 순위 — BoxOffice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Concerts by share of seats sold</source>
        <translation>판매 좌석 점유율 순위</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This week</source>
        <translation>이번 주</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Booking share (%)</source>
        <translation>예매 점유율 (%)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Share of all seats sold</source>
        <translation>전체 판매 좌석 중 점유율</translation>
    </message>
</context>
<context>
    <name>BoxOffice::RefundDialog</name>
    <message>
        <location filename="../../ui/refunddialog.cpp" line="+24"/>
        <source>Refund order %1</source>
        <translation>주문 %1 환불</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order %1: choose the seats to refund.</source>
        <translation>주문 %1: 환불할 좌석을 선택하세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · already refunded</source>
        <translation>%1 · 환불 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. the customer cannot come</source>
        <translation>예: 고객이 올 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eason:</source>
        <translation>사유(&amp;E):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The seats</source>
        <translation>좌석 처리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put them &amp;back on sale</source>
        <translation>다시 판매(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep them off sale</source>
        <translation>판매하지 않음(&amp;K)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Refund…</source>
        <translation>환불(&amp;R)…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose at least one seat.</source>
        <translation>좌석을 하나 이상 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>To refund: %1 for %n seat(s)</source>
        <translation>
            <numerusform>환불 금액: 좌석 %n개, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm the refund</source>
        <translation>환불 확인</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refund %1 for %n seat(s) of order %2?</source>
        <translation>
            <numerusform>주문 %2의 좌석 %n개, %1을(를) 환불할까요?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their tickets stop working at once, and the seats stay off sale.</source>
        <translation>해당 티켓은 즉시 사용할 수 없게 되고, 좌석은 판매하지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their tickets stop working at once, and the seats go back on sale.</source>
        <translation>해당 티켓은 즉시 사용할 수 없게 되고, 좌석은 다시 판매됩니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::SeatMapModel</name>
    <message>
        <location filename="../../models/seatmapmodel.cpp" line="+265"/>
        <source>%1 · Row %2 · Seat %3</source>
        <translation>%1 · %2열 · %3번</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · Row %2 · Seats %3</source>
        <translation>%1 · %2열 · %3번</translation>
    </message>
</context>
<context>
    <name>BoxOffice::SeatMapView</name>
    <message>
        <location filename="../../ui/seatmapview.cpp" line="+89"/>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole venue</source>
        <translation>공연장 전체 보기</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>STAGE</source>
        <translation>무대</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>available</source>
        <translation>예매 가능</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held</source>
        <translation>임시 확보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not for sale</source>
        <translation>판매 중지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, row %2, seat %3
%4 · %5 %6 · %7</source>
        <translation>%1 %2열 %3번
%4 · %5 %6 · %7</translation>
    </message>
</context>
<context>
    <name>BoxOffice::SignInController</name>
    <message>
        <location filename="../../app/signincontroller.cpp" line="+109"/>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+113"/>
        <source>Signed out after %n minute(s) without use.</source>
        <translation>
            <numerusform>%n분 동안 사용하지 않아 로그아웃되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed out: this sign-in has ended (expired, signed out elsewhere, or deactivated).</source>
        <translation>로그아웃됨: 이 로그인이 끝났습니다(만료, 다른 곳에서 로그아웃, 또는 계정 비활성화).</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>This staff key is not valid on this server.</source>
        <translation>이 서버에서 사용할 수 없는 스태프 키입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong login or PIN.</source>
        <translation>로그인 ID 또는 PIN이 올바르지 않습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This account may not sign in.</source>
        <translation>이 계정으로는 로그인할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many failed sign-ins: this login is locked for %n second(s).</source>
        <translation>
            <numerusform>로그인 실패가 너무 많습니다. 이 로그인 ID는 %n초 동안 잠깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many failed sign-ins: this login is locked for a while.</source>
        <translation>로그인 실패가 너무 많습니다. 이 로그인 ID는 잠시 잠깁니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a login and a PIN of 4 to 12 digits.</source>
        <translation>로그인 ID와 4~12자리 숫자 PIN을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::SignInDialog</name>
    <message>
        <location filename="../../ui/signindialog.cpp" line="+22"/>
        <source>Staff sign-in</source>
        <translation>스태프 로그인</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+97"/>
        <source>Sign in with your staff login and PIN.</source>
        <translation>스태프 로그인 ID와 PIN으로 로그인하세요.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>&amp;Login:</source>
        <translation>로그인 ID(&amp;L):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>4 to 12 digits</source>
        <translation>4~12자리 숫자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;PIN:</source>
        <translation>PIN(&amp;P):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server&apos;s configured staff key signs you in as its administrator: use it to create the first accounts on a new server.</source>
        <translation>서버에 설정된 스태프 키로 로그인하면 관리자가 됩니다. 새 서버에서 첫 계정을 만들 때 사용하세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Staff &amp;key:</source>
        <translation>스태프 키(&amp;K):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this computer&apos;s local server key</source>
        <translation>이 컴퓨터의 로컬 서버 키 사용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local box office started by this program is yours: sign in as its administrator.</source>
        <translation>이 프로그램이 실행한 로컬 예매 서버는 사용자의 것입니다. 그 서버의 관리자로 로그인합니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use a staff &amp;key instead</source>
        <translation>스태프 키로 로그인(&amp;K)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+69"/>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Sign in with the server&apos;s staff key.</source>
        <translation>서버의 스태프 키로 로그인하세요.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Signing in…</source>
        <translation>로그인 중…</translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffAccountDialog</name>
    <message>
        <location filename="../../ui/staffaccountdialog.cpp" line="+22"/>
        <source>Edit account %1</source>
        <translation>계정 %1 편집</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a staff account</source>
        <translation>스태프 계정 추가</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. minji.kim</source>
        <translation>예: minji.kim</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Login:</source>
        <translation>로그인 ID(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>역할(&amp;R):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A login cannot be changed.</source>
        <translation>로그인 ID는 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unchanged</source>
        <translation>변경 안 함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;PIN:</source>
        <translation>새 PIN(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN &amp;again:</source>
        <translation>새 PIN 확인(&amp;A):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4 to 12 digits</source>
        <translation>4~12자리 숫자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;PIN:</source>
        <translation>PIN(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again:</source>
        <translation>PIN 확인(&amp;A):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter a login.</source>
        <translation>로그인 ID를 입력하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the person&apos;s name.</source>
        <translation>이름을 입력하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>PIN은 4~12자리 숫자여야 합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same.</source>
        <translation>두 PIN이 서로 다릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has changed.</source>
        <translation>바뀐 내용이 없습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffAccountModel</name>
    <message>
        <location filename="../../models/staffaccountmodel.cpp" line="+13"/>
        <source>Clerk</source>
        <translation>점원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>매니저</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deactivated</source>
        <translation>비활성</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Login</source>
        <translation>로그인 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffAccountsView</name>
    <message>
        <location filename="../../ui/staffaccountsview.cpp" line="+22"/>
        <source>Staff accounts — BoxOffice</source>
        <translation>스태프 계정 — BoxOffice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People who sign in at this box office. A clerk sells at the counter; a manager also runs the waiting room and reads the audit log; an admin also manages these accounts.</source>
        <translation>이 매표소에 로그인하는 사람들입니다. 점원은 창구에서 판매하고, 매니저는 대기실 운영과 감사 로그 열람도 하며, 관리자는 이 계정들도 관리합니다.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+129"/>
        <source>&amp;Deactivate</source>
        <translation>비활성화(&amp;D)</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Deactivate account</source>
        <translation>계정 비활성화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate %1 (%2)? They are signed out at once and cannot sign in until the account is reactivated.</source>
        <translation>%1 (%2) 계정을 비활성화할까요? 즉시 로그아웃되며, 계정을 다시 활성화할 때까지 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Re&amp;activate</source>
        <translation>다시 활성화(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot deactivate the account you are signed in with.</source>
        <translation>지금 로그인한 계정은 비활성화할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffController</name>
    <message>
        <location filename="../../app/staffcontroller.cpp" line="+61"/>
        <source>The server refused the staff sign-in: %1</source>
        <translation>서버가 스태프 로그인을 거부했습니다: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Admissions paused: nobody new is let in until you resume.</source>
        <translation>입장이 일시 정지되었습니다. 재개하기 전까지 신규 입장이 중단됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admissions resumed.</source>
        <translation>입장이 재개되었습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Up to %n buyers at once.</source>
        <translation>
            <numerusform>동시 구매자 최대 %n명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Admitted buyers now have %n second(s) each; sessions already running keep theirs.</source>
        <translation>
            <numerusform>이제 입장한 구매자마다 %n초가 주어집니다. 이미 진행 중인 세션은 기존 시간을 유지합니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hold released: its seats are on sale again.</source>
        <translation>임시 확보가 해제되어 좌석이 다시 판매됩니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffDashboard</name>
    <message>
        <location filename="../../ui/staffdashboard.cpp" line="+32"/>
        <source>Staff dashboard — BoxOffice</source>
        <translation>스태프 대시보드 — BoxOffice</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Queue over the last hour</source>
        <translation>최근 1시간 대기열 현황</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>활성</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Waiting room</source>
        <translation>대기실</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <source>Set</source>
        <translation>적용</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Concurrent buyers:</source>
        <translation>동시 구매자 수:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long an admitted buyer may shop before the next waiter takes the place.</source>
        <translation>입장한 구매자가 다음 대기자에게 자리를 넘기기 전까지 구매할 수 있는 시간입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Session length:</source>
        <translation>세션 시간:</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Pause admissions to &quot;%1&quot;? Nobody new is let in until you resume; %Ln buyer(s) waiting stay in line.</source>
        <translation>
            <numerusform>&quot;%1&quot;의 입장을 일시 정지할까요? 재개하기 전까지 신규 입장이 중단되며, 대기 중인 %Ln명은 대기열에 그대로 남습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+190"/>
        <source>Counter</source>
        <translation>현장 판매</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Counter sale…</source>
        <translation>현장 판매…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sell seats of this performance at the counter, without the queue.</source>
        <translation>대기열 없이 이 회차의 좌석을 현장에서 판매합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show holds</source>
        <translation>임시 확보 보기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seats not for sale…</source>
        <translation>판매 중지 좌석…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take seats of this performance off sale, or put them back.</source>
        <translation>이 공연의 좌석을 판매 중지하거나 다시 판매합니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires</source>
        <translation>만료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made by</source>
        <translation>확보 주체</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Release the selected hold</source>
        <translation>선택한 임시 확보 해제</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Release the hold</source>
        <translation>임시 확보 해제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release the hold on %1 (%2)? The seats go back on sale at once and the buyer loses them.</source>
        <translation>%1 (%2)의 임시 확보를 해제할까요? 좌석은 즉시 다시 판매되고, 확보한 쪽은 좌석을 잃습니다.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 · %2 of %3 seats left</source>
        <translation>%1 · 잔여석 %2/%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No concert selected</source>
        <translation>선택한 공연 없음</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resume admissions</source>
        <translation>입장 재개</translation>
    </message>
    <message>
        <location line="-143"/>
        <location line="+143"/>
        <source>Pause admissions</source>
        <translation>입장 일시 정지</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Hold %1</source>
        <translation>임시 확보 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buyer</source>
        <translation>구매자</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No seats are held for this performance.</source>
        <translation>이 회차에 임시 확보된 좌석이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n hold(s) on this performance.</source>
        <translation>
            <numerusform>이 회차의 임시 확보 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::StillTherePrompt</name>
    <message>
        <location filename="../../ui/kioskscreens.cpp" line="-91"/>
        <source>Are you still there?</source>
        <translation>아직 이용 중이신가요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This kiosk starts over for the next person soon. Seats you picked go back on sale.</source>
        <translation>곧 다음 고객을 위해 키오스크가 처음 화면으로 돌아갑니다. 선택한 좌석은 다시 판매됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I&apos;m still here</source>
        <translation>계속 이용하기</translation>
    </message>
</context>
<context>
    <name>BoxOffice::TicketPrinter</name>
    <message>
        <location filename="../../app/ticketprinter.cpp" line="+56"/>
        <source>The printer &quot;%1&quot; is not available.</source>
        <translation>프린터 &quot;%1&quot;을(를) 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ticket could not be printed on &quot;%1&quot;.</source>
        <translation>&quot;%1&quot;에서 티켓을 인쇄하지 못했습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The ticket could not be printed.</source>
        <translation>티켓을 인쇄하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::TillController</name>
    <message>
        <location filename="../../app/tillcontroller.cpp" line="+34"/>
        <source>Z report saved: %1</source>
        <translation>Z 리포트를 저장했습니다: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your till is open: carried on from where you left it.</source>
        <translation>금전 등록기가 열려 있습니다. 이전 상태에서 이어서 진행합니다.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A till is open for you already: it is shown now. Close it before opening another.</source>
        <translation>이미 열린 금전 등록기가 있습니다. 지금 표시합니다. 새로 열기 전에 먼저 마감하세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Till opened with a float of %1.</source>
        <translation>시재금 %1(으)로 금전 등록기를 열었습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This till is closed: nothing more can go in or out.</source>
        <translation>마감된 금전 등록기입니다. 더 이상 입출금할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid in: %1 (%2).</source>
        <translation>입금: %1 (%2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid out: %1 (%2).</source>
        <translation>출금: %1 (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This till was closed already.</source>
        <translation>이미 마감된 금전 등록기입니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Till closed. This is the Z report: save it as a PDF or print it.</source>
        <translation>금전 등록기를 마감했습니다. Z 리포트입니다. PDF로 저장하거나 인쇄하세요.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Writing the PDF…</source>
        <translation>PDF를 만드는 중…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Z report sent to %1.</source>
        <translation>Z 리포트를 %1(으)로 보냈습니다.</translation>
    </message>
</context>
<context>
    <name>BoxOffice::TillView</name>
    <message>
        <location filename="../../ui/tillview.cpp" line="+66"/>
        <source>Till — BoxOffice</source>
        <translation>금전 등록기 — BoxOffice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading your till…</source>
        <translation>금전 등록기를 읽는 중…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No till is open for you. Count the float into the drawer, enter it, and open the till.</source>
        <translation>열린 금전 등록기가 없습니다. 서랍에 넣은 시재금을 세어 입력하고 금전 등록기를 여세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Float:</source>
        <translation>시재금(&amp;F):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open the till</source>
        <translation>금전 등록기 열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cash in the drawer</source>
        <translation>서랍 안의 현금</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Float</source>
        <translation>시재금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Cash sales</source>
        <translation>+ 현금 판매</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>− Cash refunds</source>
        <translation>− 현금 환불</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ Paid in</source>
        <translation>+ 입금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>− Paid out</source>
        <translation>− 출금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>= Expected cash</source>
        <translation>= 예상 현금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted cash</source>
        <translation>실제 현금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>차액</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By payment method</source>
        <translation>결제 수단별</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Method</source>
        <translation>결제 수단</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sales</source>
        <translation>판매</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>환불</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>건수</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paid in and paid out</source>
        <translation>입금과 출금</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paid in / paid out</source>
        <translation>입금 / 출금</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason (required)</source>
        <translation>사유 (필수)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid &amp;in</source>
        <translation>입금(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid o&amp;ut</source>
        <translation>출금(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount:</source>
        <translation>금액:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason:</source>
        <translation>사유:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the amount first.</source>
        <translation>먼저 금액을 입력하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say why the money goes in or out: the reason is required.</source>
        <translation>입출금 사유를 입력하세요. 사유는 필수입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+17"/>
        <source>Close the till</source>
        <translation>금전 등록기 마감</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cash counted:</source>
        <translation>센 현금:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close the till…</source>
        <translation>금전 등록기 마감(&amp;C)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close the till with %1 counted? %2 is expected. A closed till cannot be opened again.</source>
        <translation>센 현금 %1(으)로 금전 등록기를 마감할까요? 예상 금액은 %2입니다. 마감한 금전 등록기는 다시 열 수 없습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Z report</source>
        <translation>Z 리포트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as PDF…</source>
        <translation>PDF로 저장(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a &amp;new till</source>
        <translation>새 금전 등록기 열기(&amp;N)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Staff key</source>
        <translation>스태프 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z report · till of %1 · opened %2 · closed %3</source>
        <translation>Z 리포트 · %1의 금전 등록기 · 개시 %2 · 마감 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Till of %1 · open since %2 (X report)</source>
        <translation>%1의 금전 등록기 · %2부터 영업 중 (X 리포트)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not counted yet</source>
        <translation>아직 세지 않음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (exact)</source>
        <translation>%1 (일치)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (over)</source>
        <translation>%1 (초과)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (short)</source>
        <translation>%1 (부족)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Paid in</source>
        <translation>입금</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid out</source>
        <translation>출금</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Save the Z report</source>
        <translation>Z 리포트 저장</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CashReportDocument</name>
    <message>
        <location filename="../../ui/cashreportdocument.cpp" line="+30"/>
        <location line="+31"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test payment</source>
        <translation>테스트 결제</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+71"/>
        <source>Z report</source>
        <translation>Z 리포트</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>X report (the till is still open)</source>
        <translation>X 리포트 (금전 등록기 영업 중)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff key</source>
        <translation>스태프 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till %1 · %2</source>
        <translation>금전 등록기 %1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opened: %1</source>
        <translation>개시: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed: %1</source>
        <translation>마감: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Float</source>
        <translation>시재금</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash sales</source>
        <translation>현금 판매</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash refunds</source>
        <translation>현금 환불</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Paid in</source>
        <translation>입금</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+36"/>
        <source>Paid out</source>
        <translation>출금</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Expected cash</source>
        <translation>예상 현금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted cash</source>
        <translation>실제 현금</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (exact)</source>
        <translation>%1 (일치)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (over)</source>
        <translation>%1 (초과)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (short)</source>
        <translation>%1 (부족)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>차액</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By payment method</source>
        <translation>결제 수단별</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sales or refunds.</source>
        <translation>판매나 환불이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>결제 수단</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>판매</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>환불</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>건수</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paid in and paid out</source>
        <translation>입금과 출금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None.</source>
        <translation>없음.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printed %1</source>
        <translation>출력 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TicketDocument</name>
    <message>
        <location filename="../../ui/ticketdocument.cpp" line="+199"/>
        <source>Show this code at the door</source>
        <translation>입장 시 이 코드를 제시하세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>BoxOffice · e-ticket %1 of %2</source>
        <translation>BoxOffice · 모바일 티켓 %1/%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Order %1 · %2</source>
        <translation>주문 %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purchased %1 for %2</source>
        <translation>구매 %1 · %2 님</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchased %1</source>
        <translation>구매 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One entry for this seat. The code is checked once at the door; keep it to yourself.</source>
        <translation>이 좌석으로 한 번 입장할 수 있습니다. 코드는 입장할 때 한 번 확인하니 다른 사람에게 보여 주지 마세요.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This order has no valid ticket to print.</source>
        <translation>이 주문에는 인쇄할 유효한 티켓이 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket %1</source>
        <translation>티켓 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1.</source>
        <translation>%1 파일을 저장할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>TlsTrust</name>
    <message>
        <location filename="../../app/tlstrust.cpp" line="+15"/>
        <source>%1 holds no PEM certificate: --ca needs the venue&apos;s certificate authority as a .pem or .crt file.</source>
        <translation>%1에 PEM 인증서가 없습니다: --ca에는 공연장 인증 기관의 인증서를 .pem 또는 .crt 파일로 지정해야 합니다.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>its certificate is for %1, not for %2. This may not be the venue&apos;s server.</source>
        <translation>인증서가 %2가 아닌 %1용입니다. 공연장의 서버가 아닐 수 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its certificate expired on %1. The venue&apos;s IT needs to renew it.</source>
        <translation>인증서가 %1에 만료되었습니다. 공연장 IT 담당자가 갱신해야 합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its certificate is valid only from %1. Check this computer&apos;s date and time.</source>
        <translation>인증서는 %1부터 유효합니다. 이 컴퓨터의 날짜와 시간을 확인하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its certificate has been revoked.</source>
        <translation>인증서가 폐기되었습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its certificate was issued by &quot;%1&quot;, an authority this computer does not trust. If the venue runs its own certificate authority, start BoxOffice with --ca and that authority&apos;s certificate.</source>
        <translation>인증서를 발급한 &quot;%1&quot;은(는) 이 컴퓨터가 신뢰하지 않는 기관입니다. 공연장이 자체 인증 기관을 운영한다면 --ca와 그 기관의 인증서로 BoxOffice를 시작하세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection to %1 is not safe, so BoxOffice did not use it: %2</source>
        <translation>%1 연결이 안전하지 않아 BoxOffice가 사용하지 않았습니다: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="+143"/>
        <source>BoxOffice</source>
        <translation>BoxOffice</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>BoxOffice: concert box office client.</source>
        <translation>BoxOffice: 콘서트 예매 클라이언트.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Use the boxoffice-server at URL instead of starting a local one.</source>
        <translation>로컬 서버를 시작하지 않고 URL의 boxoffice-server를 사용합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust only the certificate authority in FILE (PEM) for https:// servers: a venue&apos;s own CA.</source>
        <translation>https:// 서버에 대해 FILE(PEM)의 인증 기관만 신뢰합니다: 공연장 자체 인증 기관.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save a picture of the window to FILE once the concerts are shown, then quit (for documentation and QA).</source>
        <translation>공연 목록이 표시되면 창 화면을 FILE로 저장한 후 종료합니다(문서 작성 및 QA용).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the client: ko or en (default: the system&apos;s).</source>
        <translation>클라이언트 언어: ko 또는 en (기본값: 시스템 언어).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in as staff with this key (or BOXOFFICE_STAFF_KEY), the server&apos;s administrator: the dashboard opens at start.</source>
        <translation>이 키(또는 BOXOFFICE_STAFF_KEY)로 서버 관리자로서 스태프 로그인합니다. 시작 시 대시보드를 엽니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff mode: open the dashboard at start (asks you to sign in unless the server is the local one).</source>
        <translation>스태프 모드: 시작 시 대시보드를 엽니다(로컬 서버가 아니면 로그인을 요청합니다).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign staff out after MINUTES without input (0: never; default: staff/idleSignOutMinutes in client.ini, else 15).</source>
        <translation>입력이 없는 상태로 MINUTES분이 지나면 스태프를 로그아웃합니다(0: 안 함, 기본값: client.ini의 staff/idleSignOutMinutes, 없으면 15).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the QA tools at start.</source>
        <translation>시작 시 QA 도구를 엽니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiosk mode: full screen, touch sized, resets itself when left alone; leave with the staff PIN.</source>
        <translation>키오스크 모드: 터치용 전체 화면으로 실행하며, 사용하지 않으면 자동으로 초기화됩니다. 스태프 PIN으로 종료합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The staff PIN that leaves kiosk mode (or BOXOFFICE_KIOSK_PIN; 4 to 12 digits).</source>
        <translation>키오스크 모드를 종료하는 스태프 PIN (또는 BOXOFFICE_KIOSK_PIN, 4~12자리 숫자).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kiosk: seconds without a touch before &quot;are you still there?&quot; (default 60).</source>
        <translation>키오스크: &quot;아직 이용 중이신가요?&quot;를 표시하기 전까지 터치가 없는 시간(초) (기본값 60).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kiosk: print tickets on this printer without a dialog (a printer&apos;s name, or file:PATH.pdf). Without it the kiosk shows the ticket&apos;s code on screen.</source>
        <translation>키오스크: 대화 상자 없이 이 프린터로 티켓을 인쇄합니다(프린터 이름 또는 file:경로.pdf). 지정하지 않으면 티켓 코드를 화면에 보여 줍니다.</translation>
    </message>
</context>
</TS>
