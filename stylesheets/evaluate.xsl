<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate.xsl: stage 2.  Portfolio + an association's rule file -> checklist.

  Input: a portfolio valid against schemas/applicant.xsd.
  Parameters (set by endorse):
    rules        path of the rule file (the only document() this reads)
    as-of        evaluation date, YYYY-MM-DD
    association  association to evaluate against ('' = the portfolio's)
    track        track to evaluate ('' = the portfolio's)
    kind         'initial' or 'renewal'
    year         the calendar year, for renewal
  Output: a checklist (schemas/checklist.xsd).

  Every verdict explains itself in one sentence, lists its evidence and,
  when not met, the exact shortfall.  Arithmetic on hours is done in
  integer hundredths; dates become day numbers (days since 1970-01-01)
  with EXSLT dates, whose month arithmetic clamps to the month's end.
  Each rule type is one template, chosen by the rule's @type: a new
  association is a new rule file, not a change here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:date="http://exslt.org/dates-and-times"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c date exsl ef">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="rules"/>
  <xsl:param name="as-of"/>
  <xsl:param name="association" select="''"/>
  <xsl:param name="track" select="''"/>
  <xsl:param name="kind" select="'initial'"/>
  <xsl:param name="year" select="''"/>

  <xsl:key name="id" match="p:*[@id]" use="@id"/>

  <xsl:variable name="pf" select="/p:portfolio"/>
  <xsl:variable name="req" select="document($rules)/r:requirements"/>
  <xsl:variable name="assoc" select="$req/@association"/>
  <xsl:variable name="trk">
    <xsl:choose>
      <xsl:when test="$track != ''"><xsl:value-of select="$track"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$pf/p:application/@track"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="level" select="$pf/p:application/@level"/>
  <xsl:variable name="today" select="floor(date:seconds($as-of) div 86400)"/>
  <xsl:variable name="as-of-num" select="number(translate($as-of, '-', ''))"/>

  <!-- The rule set in force on the evaluation date: the latest one. -->
  <xsl:variable name="ruleset-rtf">
    <xsl:for-each select="$req/r:ruleset[@kind = $kind and @level = $level and
        number(translate(@effective, '-', '')) &lt;= $as-of-num]">
      <xsl:sort select="translate(@effective, '-', '')" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><k><xsl:value-of select="count(preceding-sibling::r:ruleset)"/></k></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ruleset" select="$req/r:ruleset[count(preceding-sibling::r:ruleset) = number(exsl:node-set($ruleset-rtf)/c:k)]"/>

  <xsl:variable name="track-names">
    <t k="clinical">Clinical</t>
    <t k="policy">Policy</t>
    <t k="research-faculty">Research/Faculty</t>
  </xsl:variable>
  <xsl:variable name="track-name" select="string(exsl:node-set($track-names)/c:t[@k = $trk])"/>

  <!-- ============================================================ -->
  <!-- Helpers: dates, hours, people                                -->
  <!-- ============================================================ -->

  <!-- Days since 1970-01-01 of a YYYY-MM-DD date. -->
  <xsl:template name="day">
    <xsl:param name="d"/>
    <xsl:value-of select="floor(date:seconds($d) div 86400)"/>
  </xsl:template>

  <xsl:template name="date-of-day">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &gt;= 0"><xsl:value-of select="date:add('1970-01-01', concat('P', $n, 'D'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="date:add('1970-01-01', concat('-P', -$n, 'D'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Exact hundredths of a decimal string such as 12.5 (no float). -->
  <xsl:template name="hundredths">
    <xsl:param name="h"/>
    <xsl:value-of select="number(substring-before(concat('0', $h, '.'), '.')) * 100 +
        number(substring(concat(substring-after($h, '.'), '00'), 1, 2))"/>
  </xsl:template>

  <!-- 1225 -> 12.25, 1250 -> 12.5, 1200 -> 12 -->
  <xsl:template name="fmt-hours">
    <xsl:param name="c"/>
    <xsl:variable name="i" select="floor($c div 100)"/>
    <xsl:variable name="f" select="$c - $i * 100"/>
    <xsl:value-of select="$i"/>
    <xsl:choose>
      <xsl:when test="$f = 0"/>
      <xsl:when test="$f mod 10 = 0"><xsl:value-of select="concat('.', $f div 10)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('.', format-number($f, '00'))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 20 -> $20, 2050 hundredths -> $20.50 -->
  <xsl:template name="fmt-money">
    <xsl:param name="c"/>
    <xsl:value-of select="concat('$', floor($c div 100))"/>
    <xsl:if test="$c mod 100 != 0"><xsl:value-of select="concat('.', format-number($c mod 100, '00'))"/></xsl:if>
  </xsl:template>

  <!-- "1 reference" / "3 references" -->
  <xsl:template name="n">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many" select="concat($one, 's')"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fmt-days">
    <xsl:param name="n"/>
    <xsl:value-of select="$n"/>
    <xsl:choose>
      <xsl:when test="$n = 1"> day</xsl:when>
      <xsl:otherwise> days</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "yes" when $list (space-separated) holds $item -->
  <xsl:template name="in-list">
    <xsl:param name="list"/>
    <xsl:param name="item"/>
    <xsl:if test="contains(concat(' ', normalize-space($list), ' '), concat(' ', $item, ' '))">yes</xsl:if>
  </xsl:template>

  <!-- A person's identity for "distinct people": NFC, case-folded name. -->
  <xsl:template name="person-key">
    <xsl:param name="person"/>
    <xsl:value-of select="ef:fold(string($person/p:name))"/>
  </xsl:template>

  <!-- A reference to a person must name a person (SECURITY.md rule 7:
       the schema checks only that the identifier exists). -->
  <xsl:template name="check-person-ref">
    <xsl:param name="attr"/>
    <xsl:variable name="target" select="key('id', $attr)"/>
    <xsl:if test="$attr and not($target[self::p:person])">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('line ', ef:line($attr/..), ': element ', &quot;'&quot;,
            local-name($attr/..), &quot;'&quot;, ', attribute ', &quot;'&quot;, local-name($attr),
            &quot;'&quot;, ': ', &quot;'&quot;, $attr, &quot;'&quot;, ' names a ',
            local-name($target), ', not a person listed under ', &quot;'people'&quot;)"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- The qualifying degree's award day: post-graduate starts after it. -->
  <xsl:variable name="grad-rtf">
    <xsl:variable name="edu" select="$ruleset/r:rule[@type = 'degree'][1]"/>
    <xsl:for-each select="$pf/p:education/p:degree[contains(concat(' ', $edu/@degrees, ' '), concat(' ', @kind, ' '))] |
        $pf/p:education/p:other-degree[@level != 'bachelor']">
      <xsl:sort select="translate(@awarded, '-', '')" data-type="number"/>
      <xsl:if test="position() = 1">
        <g date="{@awarded}">
          <xsl:attribute name="day"><xsl:call-template name="day"><xsl:with-param name="d" select="@awarded"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="concat(@kind, p:description, ', ', p:institution)"/>
        </g>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="grad" select="exsl:node-set($grad-rtf)/c:g"/>

  <!-- ============================================================ -->
  <!-- Experience: union of periods in inclusive days               -->
  <!-- ============================================================ -->

  <!-- Intervals <iv s e/> of the positions that match a span. -->
  <xsl:template name="span-intervals">
    <xsl:param name="span"/>
    <xsl:for-each select="$pf/p:experience/p:position">
      <xsl:variable name="pos" select="."/>
      <xsl:variable name="has-all">
        <xsl:call-template name="all-in">
          <xsl:with-param name="need" select="normalize-space($span/@all)"/>
          <xsl:with-param name="have" select="@work"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="has-any">
        <xsl:choose>
          <xsl:when test="not($span/@any)">yes</xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="any-in">
              <xsl:with-param name="want" select="normalize-space($span/@any)"/>
              <xsl:with-param name="have" select="@work"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="$has-all = 'yes' and $has-any = 'yes'">
        <xsl:variable name="s0"><xsl:call-template name="day"><xsl:with-param name="d" select="@start"/></xsl:call-template></xsl:variable>
        <xsl:variable name="e0">
          <xsl:choose>
            <xsl:when test="@end = 'ongoing'"><xsl:value-of select="$today"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="day"><xsl:with-param name="d" select="@end"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="post" select="not($span/@post-graduate = 'false' or $span/@post-graduate = '0')"/>
        <xsl:variable name="s">
          <xsl:choose>
            <xsl:when test="$post and not($grad)"><xsl:value-of select="$today + 1"/></xsl:when>
            <xsl:when test="$post and $grad/@day + 1 &gt; $s0"><xsl:value-of select="$grad/@day + 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$s0"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="e">
          <xsl:choose>
            <xsl:when test="$e0 &gt; $today"><xsl:value-of select="$today"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$e0"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <iv s="{$s}" e="{$e}" ref="{@id}" start="{@start}" end="{@end}" days="{$e - $s + 1}">
          <xsl:value-of select="concat(p:role, ', ', p:employer)"/>
        </iv>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="all-in">
    <xsl:param name="need"/>
    <xsl:param name="have"/>
    <xsl:variable name="first" select="substring-before(concat($need, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$need = ''">yes</xsl:when>
      <xsl:when test="contains(concat(' ', normalize-space($have), ' '), concat(' ', $first, ' '))">
        <xsl:call-template name="all-in">
          <xsl:with-param name="need" select="substring-after($need, ' ')"/>
          <xsl:with-param name="have" select="$have"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="any-in">
    <xsl:param name="want"/>
    <xsl:param name="have"/>
    <xsl:variable name="first" select="substring-before(concat($want, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$want = ''">no</xsl:when>
      <xsl:when test="contains(concat(' ', normalize-space($have), ' '), concat(' ', $first, ' '))">yes</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="any-in">
          <xsl:with-param name="want" select="substring-after($want, ' ')"/>
          <xsl:with-param name="have" select="$have"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Days in the union of intervals (a node-set of iv, any order). -->
  <xsl:template name="union-days">
    <xsl:param name="ivs"/>
    <xsl:variable name="sorted-rtf">
      <xsl:for-each select="$ivs[number(@e) &gt;= number(@s)]">
        <xsl:sort select="@s" data-type="number"/>
        <iv s="{@s}" e="{@e}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="union-walk">
      <xsl:with-param name="ivs" select="exsl:node-set($sorted-rtf)/c:iv"/>
      <xsl:with-param name="i" select="1"/>
      <xsl:with-param name="end" select="-1000000"/>
      <xsl:with-param name="total" select="0"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="union-walk">
    <xsl:param name="ivs"/>
    <xsl:param name="i"/>
    <xsl:param name="end"/>
    <xsl:param name="total"/>
    <xsl:choose>
      <xsl:when test="$i &gt; count($ivs)"><xsl:value-of select="$total"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="s" select="number($ivs[$i]/@s)"/>
        <xsl:variable name="e" select="number($ivs[$i]/@e)"/>
        <xsl:variable name="from">
          <xsl:choose>
            <xsl:when test="$s &gt; $end"><xsl:value-of select="$s"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$end + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="add">
          <xsl:choose>
            <xsl:when test="$e &gt;= $from"><xsl:value-of select="$e - $from + 1"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="union-walk">
          <xsl:with-param name="ivs" select="$ivs"/>
          <xsl:with-param name="i" select="$i + 1"/>
          <xsl:with-param name="end">
            <xsl:choose>
              <xsl:when test="$e &gt; $end"><xsl:value-of select="$e"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$end"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="total" select="$total + $add"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every path of an experience rule, measured: <path n days need met>
       with <span days need> and their intervals. -->
  <xsl:template name="measure-paths">
    <xsl:param name="rule"/>
    <xsl:for-each select="$rule/r:path">
      <xsl:variable name="spans-rtf">
        <xsl:for-each select="r:span">
          <xsl:variable name="ivs-rtf">
            <xsl:call-template name="span-intervals"><xsl:with-param name="span" select="."/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="days">
            <xsl:call-template name="union-days"><xsl:with-param name="ivs" select="exsl:node-set($ivs-rtf)/c:iv"/></xsl:call-template>
          </xsl:variable>
          <span days="{$days}" need="{@years * 365}" label="{@label}" years="{@years}">
            <xsl:copy-of select="exsl:node-set($ivs-rtf)/c:iv"/>
          </span>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="spans" select="exsl:node-set($spans-rtf)/c:span"/>
      <xsl:variable name="missing-rtf">
        <xsl:for-each select="$spans[number(@days) &lt; number(@need)]">
          <m><xsl:value-of select="@need - @days"/></m>
        </xsl:for-each>
      </xsl:variable>
      <path n="{position()}" name="{@name}" need="{sum($spans/@need)}"
          missing="{sum(exsl:node-set($missing-rtf)/c:m)}"
          met="{count($spans[number(@days) &lt; number(@need)]) = 0}">
        <xsl:copy-of select="$spans"/>
      </path>
    </xsl:for-each>
  </xsl:template>

  <!-- The path used: the first met, else the closest. -->
  <xsl:template name="best-path">
    <xsl:param name="paths"/>
    <xsl:for-each select="$paths">
      <xsl:sort select="@met = 'true'" data-type="text" order="descending"/>
      <xsl:sort select="@missing" data-type="number"/>
      <xsl:sort select="@n" data-type="number"/>
      <xsl:if test="position() = 1"><xsl:copy-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Reflective supervision/consultation                          -->
  <!-- ============================================================ -->

  <xsl:variable name="rsc-rule" select="$ruleset/r:rule[@type = 'rsc-provider'][1]"/>

  <!-- Why a person qualifies as a provider ('' when not). -->
  <xsl:template name="qualifies">
    <xsl:param name="person"/>
    <xsl:for-each select="$rsc-rule/r:qualifies">
      <xsl:variable name="q" select="."/>
      <xsl:variable name="ok">
        <xsl:if test="$q/@approved-list = 'true' and $person/p:approved-provider[@association = $assoc]">yes</xsl:if>
        <xsl:if test="$q/@vetted = 'true' and $person/p:vetted-level-iv-clinical[@association = $assoc]">yes</xsl:if>
        <xsl:if test="$q/@levels and $person/p:endorsement[contains(concat(' ', $q/@levels, ' '), concat(' ', @level, ' '))
            and (not($q/@track) or @track = $q/@track)]">yes</xsl:if>
      </xsl:variable>
      <xsl:if test="contains($ok, 'yes')"><xsl:value-of select="concat(@label, ';')"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Every session, sorted by date, with its fate:
       <s d day h counted reason provider/> -->
  <xsl:variable name="sessions-rtf">
    <xsl:for-each select="$pf/p:reflective-supervision/p:session">
      <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
      <xsl:call-template name="check-person-ref"><xsl:with-param name="attr" select="@provider"/></xsl:call-template>
      <xsl:variable name="person" select="key('id', @provider)[self::p:person]"/>
      <xsl:variable name="why">
        <xsl:if test="$person"><xsl:call-template name="qualifies"><xsl:with-param name="person" select="$person"/></xsl:call-template></xsl:if>
      </xsl:variable>
      <s date="{@date}" format="{@format}" provider="{@provider}" name="{$person/p:name}">
        <xsl:attribute name="d"><xsl:call-template name="day"><xsl:with-param name="d" select="@date"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="h"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@hours"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="reason">
          <xsl:choose>
            <xsl:when test="number(translate(@date, '-', '')) &gt; $as-of-num">after the evaluation date</xsl:when>
            <xsl:when test="@format = 'peer-group' and not(@provider)">peer group without a supervisor/consultant</xsl:when>
            <xsl:when test="not(@provider)">no identified supervisor/consultant</xsl:when>
            <xsl:when test="@format = 'peer-group'">peer group</xsl:when>
            <xsl:when test="$why = ''">provider does not qualify</xsl:when>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="why"><xsl:value-of select="substring-before($why, ';')"/></xsl:attribute>
      </s>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="sessions" select="exsl:node-set($sessions-rtf)/c:s"/>
  <xsl:variable name="counted" select="$sessions[@reason = '']"/>
  <xsl:variable name="rsc-total" select="sum($counted/@h)"/>

  <!-- The best window: for each first session, the run up to the last
       session within max-months; valid when it reaches min-months. -->
  <xsl:variable name="window-rtf">
    <xsl:variable name="wr" select="$ruleset/r:rule[@type = 'rsc-window'][1]"/>
    <xsl:variable name="minm" select="number(concat('0', $wr/@min-months))"/>
    <xsl:variable name="maxm" select="number(concat('0', $wr/@max-months))"/>
    <xsl:variable name="cands-rtf">
      <xsl:for-each select="$counted">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="lo" select="floor(date:seconds(date:add(@date, concat('P', $minm, 'M'))) div 86400) - 1"/>
        <xsl:variable name="hi" select="floor(date:seconds(date:add(@date, concat('P', $maxm, 'M'))) div 86400) - 1"/>
        <xsl:variable name="j" select="count($counted[number(@d) &lt;= $hi])"/>
        <xsl:variable name="last" select="$counted[$j]"/>
        <w from="{@date}" to="{$last/@date}" n="{$j - $i + 1}"
            hours="{sum($counted[position() &gt;= $i and position() &lt;= $j]/@h)}"
            valid="{number($last/@d) &gt;= $lo}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($cands-rtf)/c:w">
      <xsl:sort select="@valid" order="descending"/>
      <xsl:sort select="@hours" data-type="number" order="descending"/>
      <xsl:sort select="translate(@from, '-', '')" data-type="number"/>
      <xsl:if test="position() = 1"><xsl:copy-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="window" select="exsl:node-set($window-rtf)/c:w"/>

  <!-- ============================================================ -->
  <!-- References                                                   -->
  <!-- ============================================================ -->

  <!-- Completed ratings, each with its rater's identity key; a rater
       already seen is marked dup. -->
  <xsl:variable name="refs-rtf">
    <xsl:for-each select="$pf/p:references/p:reference">
      <xsl:call-template name="check-person-ref"><xsl:with-param name="attr" select="@person"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$pf/p:references/p:reference">
      <xsl:variable name="person" select="key('id', @person)"/>
      <ref person="{@person}" role="{@role}" name="{$person/p:name}"
          email="{translate($person/p:email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')}"
          completed="{@completed}" familiar="{@familiar-with-imh}">
        <xsl:attribute name="key"><xsl:call-template name="person-key"><xsl:with-param name="person" select="$person"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="done">
          <xsl:value-of select="boolean(@completed and number(translate(@completed, '-', '')) &lt;= $as-of-num)"/>
        </xsl:attribute>
        <xsl:attribute name="endorsed">
          <xsl:for-each select="$person/p:endorsement">
            <xsl:sort select="@level"/>
            <xsl:value-of select="concat(@level, ' ')"/>
          </xsl:for-each>
        </xsl:attribute>
      </ref>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="refs-raw" select="exsl:node-set($refs-rtf)/c:ref"/>
  <xsl:variable name="refs-marked-rtf">
    <xsl:for-each select="$refs-raw">
      <xsl:variable name="me" select="."/>
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <!-- the same person: same identifier, or same folded name with
             no conflicting e-mail, or the same e-mail -->
        <xsl:attribute name="dup">
          <xsl:value-of select="boolean(preceding-sibling::c:ref[@done = 'true'][
              @person = $me/@person or
              (@key = $me/@key and (@email = '' or $me/@email = '' or @email = $me/@email)) or
              (@email != '' and @email = $me/@email)])"/>
        </xsl:attribute>
      </xsl:copy>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="refs" select="exsl:node-set($refs-marked-rtf)/c:ref"/>
  <xsl:variable name="raters" select="$refs[@done = 'true' and @dup = 'false']"/>

  <!-- ============================================================ -->
  <!-- The checklist                                                -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:if test="not($req)">
      <xsl:message terminate="yes">the rule file cannot be read</xsl:message>
    </xsl:if>
    <xsl:if test="not($ruleset)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($assoc, ' has no ', $kind, ' rules for Level ', $level, ' in force on ', $as-of)"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="rows-rtf">
      <xsl:for-each select="$ruleset/r:rule">
        <xsl:call-template name="rule"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/c:rule"/>
    <xsl:variable name="result">
      <xsl:choose>
        <xsl:when test="$rows[@status = 'not-met' or @status = 'pending']">not-ready</xsl:when>
        <xsl:when test="$rows[@status = 'review' and not(@judgement = 'yes')]">needs-review</xsl:when>
        <xsl:otherwise>ready</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <checklist association="{$assoc}" association-name="{$req/@name}"
        level="{$level}" track="{$trk}" track-name="{$track-name}"
        kind="{$kind}" as-of="{$as-of}" title="{$ruleset/@title}"
        document="{$req/@document}" result="{$result}">
      <xsl:if test="$kind = 'renewal'"><xsl:attribute name="year"><xsl:value-of select="$year"/></xsl:attribute></xsl:if>
      <xsl:if test="$pf/p:application/@association != $assoc">
        <xsl:attribute name="applied-to"><xsl:value-of select="$pf/p:application/@association"/></xsl:attribute>
      </xsl:if>
      <applicant>
        <name><xsl:value-of select="$pf/p:applicant/p:name"/></name>
        <xsl:if test="$pf/p:applicant/p:email"><email><xsl:value-of select="$pf/p:applicant/p:email"/></email></xsl:if>
      </applicant>
      <summary>
        <xsl:attribute name="met"><xsl:value-of select="count($rows[@status = 'met'])"/></xsl:attribute>
        <xsl:attribute name="not-met"><xsl:value-of select="count($rows[@status = 'not-met'])"/></xsl:attribute>
        <xsl:attribute name="pending"><xsl:value-of select="count($rows[@status = 'pending'])"/></xsl:attribute>
        <xsl:attribute name="review"><xsl:value-of select="count($rows[@status = 'review'])"/></xsl:attribute>
        <xsl:attribute name="not-applicable"><xsl:value-of select="count($rows[@status = 'not-applicable'])"/></xsl:attribute>
        <xsl:attribute name="advice"><xsl:value-of select="count($rows[@status = 'advice'])"/></xsl:attribute>
        <xsl:choose>
          <xsl:when test="$result = 'not-ready'">Not ready: <xsl:call-template name="n"><xsl:with-param name="n" select="count($rows[@status = 'not-met' or @status = 'pending'])"/><xsl:with-param name="one" select="'requirement'"/></xsl:call-template> not met yet.</xsl:when>
          <xsl:when test="$result = 'needs-review'">Needs committee review: every requirement endorse can check is met, but <xsl:call-template name="n"><xsl:with-param name="n" select="count($rows[@status = 'review' and not(@judgement = 'yes')])"/><xsl:with-param name="one" select="'rule needs'"/><xsl:with-param name="many" select="'rules need'"/></xsl:call-template> the committee's judgement.</xsl:when>
          <xsl:otherwise>Ready for committee: every requirement endorse can check is met.</xsl:otherwise>
        </xsl:choose>
      </summary>
      <xsl:if test="$kind = 'initial'">
        <xsl:call-template name="totals"/>
      </xsl:if>
      <xsl:copy-of select="$rows"/>
      <missing>
        <xsl:for-each select="$rows[@status = 'not-met' or @status = 'pending']">
          <item rule="{@id}"><xsl:value-of select="c:shortfall"/></item>
        </xsl:for-each>
      </missing>
    </checklist>
  </xsl:template>

  <xsl:template name="totals">
    <xsl:variable name="train-rtf">
      <xsl:for-each select="$pf/p:training/p:course[@relationship-based = 'yes' and
          number(translate(@start, '-', '')) &lt;= $as-of-num]">
        <h><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@hours"/></xsl:call-template></h>
      </xsl:for-each>
    </xsl:variable>
    <totals>
      <training-hours>
        <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum(exsl:node-set($train-rtf)/c:h)"/></xsl:call-template>
      </training-hours>
      <rsc-hours>
        <xsl:attribute name="recorded">
          <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($sessions/@h)"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$rsc-total"/></xsl:call-template>
      </rsc-hours>
      <xsl:if test="$window">
        <rsc-window from="{$window/@from}" to="{$window/@to}" sessions="{$window/@n}" valid="{$window/@valid}">
          <xsl:attribute name="hours"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$window/@hours"/></xsl:call-template></xsl:attribute>
        </rsc-window>
      </xsl:if>
      <xsl:for-each select="$ruleset/r:rule[@type = 'experience']">
        <xsl:variable name="rule" select="."/>
        <xsl:if test="not(@tracks) or contains(concat(' ', @tracks, ' '), concat(' ', $trk, ' '))">
          <xsl:variable name="paths-rtf"><xsl:call-template name="measure-paths"><xsl:with-param name="rule" select="$rule"/></xsl:call-template></xsl:variable>
          <xsl:variable name="best-rtf"><xsl:call-template name="best-path"><xsl:with-param name="paths" select="exsl:node-set($paths-rtf)/c:path"/></xsl:call-template></xsl:variable>
          <xsl:for-each select="exsl:node-set($best-rtf)/c:path/c:span">
            <experience rule="{$rule/@id}" days="{@days}" need="{@need}"><xsl:value-of select="@label"/></experience>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
      <raters distinct="{count($raters)}" requested="{count($refs)}"/>
      <xsl:if test="$grad">
        <graduate date="{$grad/@date}"><xsl:value-of select="$grad"/></graduate>
      </xsl:if>
    </totals>
  </xsl:template>

  <!-- One row: the common frame, then the type's own verdict. -->
  <xsl:template name="rule">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="applies" select="not(@tracks) or contains(concat(' ', @tracks, ' '), concat(' ', $trk, ' '))"/>
    <xsl:variable name="verdict-rtf">
      <xsl:choose>
        <xsl:when test="@type = 'not-applicable'">
          <v status="not-applicable"><x><xsl:value-of select="r:otherwise"/></x></v>
        </xsl:when>
        <xsl:when test="not($applies) and r:otherwise/@status = 'advice-if-none' and count($sessions) = 0">
          <v status="advice"><x><xsl:value-of select="concat(r:otherwise, ' None is recorded.')"/></x></v>
        </xsl:when>
        <xsl:when test="not($applies)">
          <v status="not-applicable">
            <x>
              <xsl:choose>
                <xsl:when test="r:otherwise"><xsl:value-of select="r:otherwise"/></xsl:when>
                <xsl:otherwise>Not required for the <xsl:value-of select="$track-name"/> track.</xsl:otherwise>
              </xsl:choose>
            </x>
          </v>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="verdict"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="v" select="exsl:node-set($verdict-rtf)/c:v"/>
    <rule id="{@id}" status="{$v/@status}" source="{$req/@document}:{@line}">
      <!-- a not-applicable rule shows the kind it has where it applies -->
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="@as"><xsl:value-of select="@as"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@type"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@type = 'judgement'"><xsl:attribute name="judgement">yes</xsl:attribute></xsl:if>
      <requirement><xsl:value-of select="normalize-space(r:text)"/></requirement>
      <explanation><xsl:value-of select="normalize-space($v/c:x)"/></explanation>
      <xsl:if test="$v/c:short">
        <shortfall><xsl:value-of select="normalize-space($v/c:short)"/></shortfall>
      </xsl:if>
      <xsl:if test="r:note"><note><xsl:value-of select="normalize-space(r:note)"/></note></xsl:if>
      <xsl:if test="$v/c:item">
        <evidence><xsl:copy-of select="$v/c:item"/></evidence>
      </xsl:if>
    </rule>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Rule types                                                   -->
  <!-- ============================================================ -->

  <xsl:template match="r:rule[@type = 'membership']" mode="verdict">
    <xsl:variable name="current" select="$pf/p:attestations/p:membership[
        number(translate(@paid-through, '-', '')) &gt;= $as-of-num and
        (not(@since) or number(translate(@since, '-', '')) &lt;= $as-of-num)]"/>
    <xsl:variable name="latest-rtf">
      <xsl:for-each select="$pf/p:attestations/p:membership">
        <xsl:sort select="translate(@paid-through, '-', '')" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><m a="{@association}" through="{@paid-through}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="latest" select="exsl:node-set($latest-rtf)/c:m"/>
    <v>
      <xsl:choose>
        <xsl:when test="$current">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($current[1]/@association, ' membership is paid through ', $current[1]/@paid-through, '.')"/></x>
        </xsl:when>
        <xsl:when test="$latest">
          <xsl:variable name="next" select="date:add($latest/@through, 'P1D')"/>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('Membership lapsed: the latest, ', $latest/@a, ', was paid through ', $latest/@through, '.')"/></x>
          <short><xsl:value-of select="concat('Renew membership: lapsed since ', $next, '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No membership in an infant mental health association is recorded.</x>
          <short><xsl:value-of select="concat('Join ', $assoc, ' or another infant mental health association.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:attestations/p:membership">
        <item><xsl:value-of select="concat(@association, ', paid through ', @paid-through)"/></item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'fee']" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@amount"/></xsl:call-template></xsl:variable>
    <xsl:variable name="paid-rtf">
      <xsl:for-each select="$pf/p:attestations/p:fee[@kind = $rule/@fee and
          (not(@association) or @association = $assoc) and
          number(translate(@paid, '-', '')) &lt;= $as-of-num]">
        <f><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@amount"/></xsl:call-template></f>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="paid" select="sum(exsl:node-set($paid-rtf)/c:f)"/>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="paid-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$paid"/></xsl:call-template></xsl:variable>
    <xsl:variable name="due-s"><xsl:call-template name="fmt-money"><xsl:with-param name="c" select="$need - $paid"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$paid &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('The ', @fee, ' fee of ', $need-s, ' is paid')"/>
            <xsl:if test="$paid != $need"><xsl:value-of select="concat(' (', $paid-s, ' in all)')"/></xsl:if>
            <xsl:text>.</xsl:text>
          </x>
        </xsl:when>
        <xsl:when test="$paid &gt; 0">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($paid-s, ' of the ', $need-s, ' ', @fee, ' fee is paid.')"/></x>
          <short><xsl:value-of select="concat('Pay the remaining ', $due-s, ' of the ', @fee, ' fee.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No ', @fee, ' fee payment is recorded.')"/></x>
          <short><xsl:value-of select="concat('Pay the ', @fee, ' fee of ', $need-s, '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:attestations/p:fee[@kind = $rule/@fee]">
        <item><xsl:value-of select="concat(@kind, ' fee $', @amount, ' paid ', @paid)"/></item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'degree']" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="listed" select="$pf/p:education/p:degree[contains(concat(' ', $rule/@degrees, ' '), concat(' ', @kind, ' '))]"/>
    <xsl:variable name="other" select="$pf/p:education/p:other-degree[@imh-specific = 'yes' and @level != 'bachelor'] | $pf/p:education/p:program"/>
    <v>
      <xsl:choose>
        <xsl:when test="$listed">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($listed[1]/@kind, ', ', $listed[1]/p:institution, ', awarded ', $listed[1]/@awarded, '.')"/></x>
        </xsl:when>
        <xsl:when test="$other">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>No degree from the list; the committee decides whether the degree specific to infant mental health, specialization or certificate program qualifies.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No qualifying degree is recorded.</x>
          <short>Add a qualifying graduate degree (MA, MS, MEd, EdD, MSW, MSN, PsyD, PhD, DO, MD or a degree specific to infant mental health).</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program">
        <item>
          <xsl:choose>
            <xsl:when test="self::p:degree"><xsl:value-of select="concat(@kind, ', ', p:institution, ', ', @awarded)"/></xsl:when>
            <xsl:when test="self::p:other-degree"><xsl:value-of select="concat(p:description, ' (', @level, ', specific to IMH: ', @imh-specific, '), ', p:institution, ', ', @awarded)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(p:title, ' (', translate(@kind, '-', ' '), '), ', p:institution, ', ', @completed)"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'transcripts']" mode="verdict">
    <xsl:variable name="claimed" select="$pf/p:education/p:degree | $pf/p:education/p:other-degree | $pf/p:education/p:program"/>
    <xsl:variable name="lacking" select="$claimed[not(@transcript-received) or number(translate(@transcript-received, '-', '')) &gt; $as-of-num]"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($claimed)">
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x>No degree is claimed yet.</x>
        </xsl:when>
        <xsl:when test="not($lacking)">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Official transcript received for <xsl:choose><xsl:when test="count($claimed) = 1">the one degree or program claimed.</xsl:when><xsl:otherwise><xsl:value-of select="concat('all ', count($claimed), ' degrees and programs claimed.')"/></xsl:otherwise></xsl:choose></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat(count($lacking), ' of ', count($claimed), ' official transcripts not received.')"/></x>
          <short>
            <xsl:text>Send the official transcript for: </xsl:text>
            <xsl:for-each select="$lacking">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="concat(@kind, p:description, p:title, ', ', p:institution)"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$claimed">
        <item status="{substring('receivedmissing', 1 + 8 * number(not(@transcript-received)), 8 - number(not(@transcript-received)))}">
          <xsl:value-of select="concat(@kind, p:description, p:title, ', ', p:institution)"/>
          <xsl:if test="@transcript-received"><xsl:value-of select="concat(': transcript received ', @transcript-received)"/></xsl:if>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'on-request']" mode="verdict">
    <xsl:variable name="request" select="$pf/p:education/p:in-service-request"/>
    <v>
      <xsl:choose>
        <xsl:when test="$request">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>The applicant asks to use intensive in-service training in place of some course work: the committee decides.</x>
          <item><xsl:value-of select="normalize-space($request)"/></item>
          <xsl:for-each select="$pf/p:training/p:course[@in-service = 'yes']">
            <item><xsl:value-of select="concat('in-service: ', p:title, ', ', @hours, ' h')"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x>The applicant does not ask to use in-service training in place of course work.</x>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'hours']" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="items-rtf">
      <xsl:for-each select="$pf/p:training/p:course">
        <xsl:variable name="h"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@hours"/></xsl:call-template></xsl:variable>
        <item h="{$h}">
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@relationship-based != 'yes'">excluded</xsl:when>
              <xsl:when test="number(translate(@start, '-', '')) &gt; $as-of-num">excluded</xsl:when>
              <xsl:otherwise>counted</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat(p:title, ' (', p:provider, ', ', @start, '): ', @hours, ' h')"/>
          <xsl:if test="@relationship-based != 'yes'"> (not relationship-based)</xsl:if>
          <xsl:if test="@relationship-based = 'yes' and number(translate(@start, '-', '')) &gt; $as-of-num"> (after the evaluation date)</xsl:if>
        </item>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="items" select="exsl:node-set($items-rtf)/c:item"/>
    <xsl:variable name="have" select="sum($items[@status = 'counted']/@h)"/>
    <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $have"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$have &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' clock hours of relationship-based training (', $need-s, ' required).')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' of ', $need-s, ' clock hours of relationship-based training.')"/></x>
          <short><xsl:value-of select="concat('Needs ', $gap-s, ' more clock hours of relationship-based training.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$items"><item status="{@status}"><xsl:value-of select="."/></item></xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'judgement']" mode="verdict">
    <v status="review">
      <xsl:choose>
        <xsl:when test="@evidence = 'competencies'">
          <xsl:variable name="areas" select="$pf/p:training/p:course/p:competency"/>
          <x><xsl:value-of select="concat('Committee judgement: the training covers ', count($areas[not(. = preceding::p:competency)]), ' of 10 competency areas.')"/></x>
          <xsl:for-each select="$areas[not(. = preceding::p:competency)]">
            <xsl:sort select="."/>
            <item status="covered"><xsl:value-of select="translate(., '-', ' ')"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="@evidence = 'leadership'">
          <xsl:variable name="acts" select="$pf/p:experience/p:leadership"/>
          <x>Committee judgement: <xsl:call-template name="n"><xsl:with-param name="n" select="count($acts)"/><xsl:with-param name="one" select="'leader activity is'"/><xsl:with-param name="many" select="'leader activities are'"/></xsl:call-template> listed.</x>
          <xsl:for-each select="$acts">
            <item><xsl:value-of select="concat(translate(@activity, '-', ' '), ' (', @scope, ', from ', @start, '): ', normalize-space(p:description))"/></item>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <x><xsl:value-of select="concat('Committee judgement: does the portfolio document the Infant Mental Health Mentor competencies of the ', $track-name, ' track?')"/></x>
          <item><xsl:value-of select="concat(count($pf/p:training/p:course), ' training entries, ', count($pf/p:experience/p:position), ' positions, ', count($pf/p:experience/p:leadership), ' leader activities, ', count($sessions), ' RS/C sessions, ', count($refs), ' references')"/></item>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'experience']" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="paths-rtf"><xsl:call-template name="measure-paths"><xsl:with-param name="rule" select="$rule"/></xsl:call-template></xsl:variable>
    <xsl:variable name="best-rtf"><xsl:call-template name="best-path"><xsl:with-param name="paths" select="exsl:node-set($paths-rtf)/c:path"/></xsl:call-template></xsl:variable>
    <xsl:variable name="best" select="exsl:node-set($best-rtf)/c:path"/>
    <!-- The other rule whose days these must be distinct from. -->
    <xsl:variable name="other" select="$ruleset/r:rule[@id = $rule/@distinct-from]"/>
    <xsl:variable name="other-rtf">
      <xsl:if test="$other">
        <xsl:variable name="op-rtf"><xsl:call-template name="measure-paths"><xsl:with-param name="rule" select="$other"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="best-path"><xsl:with-param name="paths" select="exsl:node-set($op-rtf)/c:path"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="op" select="exsl:node-set($other-rtf)/c:path"/>
    <xsl:variable name="together">
      <xsl:choose>
        <xsl:when test="$op and $op/@met = 'true' and $best/@met = 'true'">
          <xsl:call-template name="union-days"><xsl:with-param name="ivs" select="$best//c:iv | $op//c:iv"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>-1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="grad-note">
      <xsl:if test="not($grad)"> No qualifying degree is recorded, so no post-graduate time can be counted.</xsl:if>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$best/@met = 'true' and $together != -1 and number($together) &lt; $best/@need + $op/@need">
          <xsl:attribute name="status">review</xsl:attribute>
          <x><xsl:value-of select="concat('The years overlap: each suffices alone, but ', $rule/@id, ' and ', $other/@id,
              ' together cover only ', $together, ' distinct days of the ', $best/@need + $op/@need, ' they need.')"/></x>
        </xsl:when>
        <xsl:when test="$best/@met = 'true'">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('Met by ', $best/@name, ': ')"/>
            <xsl:for-each select="$best/c:span">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="concat(@days, ' days of ', @label, ' (', @need, ' required)')"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('Closest: ', $best/@name, ': ')"/>
            <xsl:for-each select="$best/c:span">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="concat(@days, ' of ', @need, ' days of ', @label)"/>
            </xsl:for-each>
            <xsl:value-of select="concat('.', $grad-note)"/>
          </x>
          <short>
            <xsl:for-each select="$best/c:span[number(@days) &lt; number(@need)]">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:text>Needs </xsl:text><xsl:call-template name="n"><xsl:with-param name="n" select="@need - @days"/><xsl:with-param name="one" select="'more day'"/></xsl:call-template><xsl:value-of select="concat(' of ', @label)"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$best/c:span/c:iv">
        <item status="counted"><xsl:if test="@ref != ''"><xsl:attribute name="ref"><xsl:value-of select="@ref"/></xsl:attribute></xsl:if>
          <xsl:value-of select="concat(., ' (', @start, ' to ', @end, '): ', @days, ' days counted')"/>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'leadership-scope']" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="acts" select="$pf/p:experience/p:leadership[number(translate(@start, '-', '')) &lt;= $as-of-num]"/>
    <xsl:variable name="ok" select="$acts[contains(concat(' ', $rule/@scopes, ' '), concat(' ', @scope, ' '))]"/>
    <v>
      <xsl:choose>
        <xsl:when test="$ok">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat(count($ok), ' leadership activit', substring('iesy', 1 + 3 * number(count($ok) = 1), 3 - number(count($ok) = 1)), ' at the ', translate(normalize-space($rule/@scopes), ' ', '/'), ' level.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No leadership activity at the regional, state or national level (', count($acts), ' local activities listed).')"/></x>
          <short>Add a leadership activity at the regional or state level.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$acts">
        <item status="{substring('countedexcluded', 1 + 7 * number(not(contains(concat(' ', $rule/@scopes, ' '), concat(' ', @scope, ' ')))), 7 + number(not(contains(concat(' ', $rule/@scopes, ' '), concat(' ', @scope, ' ')))))}">
          <xsl:value-of select="concat(translate(@activity, '-', ' '), ' (', @scope, ')')"/>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'rsc-hours']" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$rsc-total"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $rsc-total"/></xsl:call-template></xsl:variable>
    <xsl:variable name="excluded-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($sessions[@reason != '']/@h)"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$rsc-total &gt;= $need">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have-s, ' RS/C hours with qualifying supervisors/consultants (', $need-s, ' required).')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:value-of select="concat($have-s, ' of ', $need-s, ' RS/C hours count')"/>
            <xsl:if test="$sessions[@reason != '']"><xsl:value-of select="concat('; ', $excluded-s, ' recorded hours do not count (see RSC-3, RSC-4)')"/></xsl:if>
            <xsl:text>.</xsl:text>
          </x>
          <short><xsl:value-of select="concat('Needs ', $gap-s, ' more RS/C hours.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'rsc-window']" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <xsl:variable name="frame" select="concat(@min-months, ' to ', @max-months, ' months')"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($window)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No RS/C session with a qualifying supervisor/consultant is recorded.</x>
          <short><xsl:value-of select="concat('Record ', $need-s, ' RS/C hours over ', $frame, '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$window/@hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $window/@hours"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$window/@valid = 'true' and $window/@hours &gt;= $need">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat($h-s, ' hours from ', $window/@from, ' to ', $window/@to, ' (', $window/@n, ' sessions), within ', $frame, '.')"/></x>
            </xsl:when>
            <xsl:when test="$window/@valid = 'true'">
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('The best window, ', $window/@from, ' to ', $window/@to, ', holds ', $h-s, ' of ', $need-s, ' hours.')"/></x>
              <short><xsl:value-of select="concat('Needs ', $gap-s, ' more RS/C hours within one ', $frame, ' window.')"/></short>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="reach" select="date:add(date:add($window/@from, concat('P', @min-months, 'M')), '-P1D')"/>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('The sessions from ', $window/@from, ' to ', $window/@to, ' (', $h-s, ' hours) span less than ', @min-months, ' months.')"/></x>
              <short>
                <xsl:value-of select="concat('The RS/C must span at least ', @min-months, ' months: continue through ', $reach)"/>
                <xsl:if test="$window/@hours &lt; $need"><xsl:value-of select="concat(' with ', $gap-s, ' more hours')"/></xsl:if>
                <xsl:text>.</xsl:text>
              </short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'rsc-provider']" mode="verdict">
    <xsl:variable name="with" select="$sessions[@provider != '' and @format != 'peer-group']"/>
    <xsl:variable name="bad" select="$with[@reason = 'provider does not qualify']"/>
    <xsl:variable name="good" select="$with[@why != '']"/>
    <xsl:variable name="alts">
      <xsl:for-each select="r:qualifies">
        <xsl:if test="position() &gt; 1"> or </xsl:if>
        <xsl:value-of select="@label"/>
      </xsl:for-each>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="not($with)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No RS/C session with an identified supervisor/consultant is recorded.</x>
          <short><xsl:value-of select="concat('RS/C must be with a supervisor/consultant who is ', $alts, '.')"/></short>
        </xsl:when>
        <xsl:when test="not($good)">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:for-each select="$bad[not(@provider = preceding-sibling::c:s[@reason = 'provider does not qualify']/@provider)]">
              <xsl:if test="position() &gt; 1"><xsl:choose><xsl:when test="position() = last()"> and </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if>
              <xsl:value-of select="@name"/>
            </xsl:for-each>
            <xsl:value-of select="concat(' does not qualify and no other provider is recorded: a provider must be ', $alts, '.')"/>
          </x>
          <short><xsl:value-of select="concat('RS/C must be with a supervisor/consultant who is ', $alts, '.')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:variable name="goodp" select="$good[not(@provider = preceding-sibling::c:s[@why != '']/@provider)]"/>
            <xsl:for-each select="$goodp">
              <xsl:if test="position() &gt; 1"><xsl:choose><xsl:when test="position() = last()"> and </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose></xsl:if>
              <xsl:value-of select="@name"/>
            </xsl:for-each>
            <xsl:choose><xsl:when test="count($goodp) = 1"> qualifies</xsl:when><xsl:otherwise> qualify</xsl:otherwise></xsl:choose>
            <xsl:if test="$bad">
              <xsl:text>; hours with </xsl:text>
              <xsl:for-each select="$bad[not(@provider = preceding-sibling::c:s[@reason = 'provider does not qualify']/@provider)]">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="@name"/>
              </xsl:for-each>
              <xsl:value-of select="concat(' do not count (not ', $alts, ')')"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$with[not(@provider = preceding-sibling::c:s[@provider != '' and @format != 'peer-group']/@provider)]">
        <xsl:variable name="pid" select="@provider"/>
        <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="sum($with[@provider = $pid]/@h)"/></xsl:call-template></xsl:variable>
        <item ref="{@provider}">
          <xsl:attribute name="status">
            <xsl:choose><xsl:when test="@why != ''">counted</xsl:when><xsl:otherwise>excluded</xsl:otherwise></xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat(@name, ': ', $h-s, ' h, ')"/>
          <xsl:choose>
            <xsl:when test="@why != ''"><xsl:value-of select="@why"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('does not qualify (not ', $alts, ')')"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'rsc-identified']" mode="verdict">
    <xsl:variable name="out" select="$sessions[not(@provider != '') or @format = 'peer-group' or @reason = 'after the evaluation date']"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($sessions[@provider != '' and @format != 'peer-group'])">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>No session with an identified supervisor/consultant is recorded.</x>
          <short>Record RS/C sessions with an identified supervisor/consultant.</short>
        </xsl:when>
        <xsl:when test="$out">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:call-template name="n"><xsl:with-param name="n" select="count($out)"/><xsl:with-param name="one" select="'session does'"/><xsl:with-param name="many" select="'sessions do'"/></xsl:call-template> not count (listed); every counted session is with an identified supervisor/consultant.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Every session is with an identified supervisor/consultant.</x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$out">
        <xsl:variable name="h-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="@h"/></xsl:call-template></xsl:variable>
        <item status="excluded"><xsl:value-of select="concat(@date, ', ', $h-s, ' h, ', @format, ': ', @reason)"/></item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'references']" mode="verdict">
    <xsl:variable name="n" select="number(@count)"/>
    <xsl:variable name="have" select="count($raters)"/>
    <v>
      <xsl:choose>
        <xsl:when test="$have &gt;= $n">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' completed reference ratings from distinct people.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' of ', $n, ' reference ratings completed by distinct people.')"/></x>
          <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$n - $have"/><xsl:with-param name="one" select="'more completed reference rating'"/></xsl:call-template> from distinct people.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$refs">
        <item ref="{@person}">
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@done != 'true'">pending</xsl:when>
              <xsl:when test="@dup = 'true'">excluded</xsl:when>
              <xsl:otherwise>counted</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat(@name, ' (', translate(@role, '-', ' '), ')')"/>
          <xsl:choose>
            <xsl:when test="@done != 'true'">: requested, not completed</xsl:when>
            <xsl:when test="@dup = 'true'">: the same person as another rater, counted once</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(': completed ', @completed)"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'rater-endorsed']" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="ok-rtf">
      <xsl:for-each select="$raters">
        <xsl:variable name="r" select="."/>
        <xsl:variable name="hit">
          <xsl:call-template name="any-in">
            <xsl:with-param name="want" select="normalize-space($rule/@levels)"/>
            <xsl:with-param name="have" select="@endorsed"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$hit = 'yes'"><e name="{$r/@name}" levels="{normalize-space($r/@endorsed)}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ok" select="exsl:node-set($ok-rtf)/c:e"/>
    <v>
      <xsl:choose>
        <xsl:when test="$ok">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($ok[1]/@name, ' has earned endorsement at Level ', $ok[1]/@levels, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('None of the ', count($raters), ' raters has earned endorsement at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></x>
          <short><xsl:value-of select="concat('At least one reference must come from someone endorsed at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$ok"><item status="counted"><xsl:value-of select="concat(@name, ': Level ', @levels)"/></item></xsl:for-each>
    </v>
  </xsl:template>

  <!-- Greedy assignment of completed, distinct raters to the slots in
       order; each rater fills one slot. -->
  <xsl:template name="fill-slots">
    <xsl:param name="slots"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="used" select="'|'"/>
    <xsl:if test="$i &lt;= count($slots)">
      <xsl:variable name="slot" select="$slots[$i]"/>
      <xsl:variable name="waived" select="$slot/@waived-by and $pf/p:references/p:statement[@kind = $slot/@waived-by]"/>
      <xsl:variable name="roles">
        <xsl:choose>
          <xsl:when test="$waived"><xsl:value-of select="$slot/@else-roles"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$slot/@roles"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="cands" select="$raters[contains(concat(' ', normalize-space($roles), ' '), concat(' ', @role, ' '))
          and not(contains($used, concat('|', @person, '|')))]"/>
      <xsl:variable name="pick" select="$cands[not($slot/@familiar = 'true') or $waived or @familiar = 'yes'][1]"/>
      <!-- a chair not familiar with IMH who rated anyway, stated or not:
           the committee decides (RULES.md REF-3) -->
      <xsl:variable name="orig" select="$raters[contains(concat(' ', normalize-space($slot/@roles), ' '), concat(' ', @role, ' '))
          and not(contains($used, concat('|', @person, '|')))]"/>
      <xsl:variable name="unfamiliar" select="$orig[$slot/@familiar = 'true' and not(@familiar = 'yes')][1]"/>
      <xsl:choose>
        <xsl:when test="$waived and normalize-space($roles) = ''">
          <slot n="{$i}" state="waived" label="{$slot/@label}"/>
        </xsl:when>
        <xsl:when test="$pick">
          <slot n="{$i}" state="filled" label="{$slot/@label}" name="{$pick/@name}" role="{$pick/@role}" waived="{boolean($waived)}"/>
        </xsl:when>
        <xsl:when test="$unfamiliar">
          <slot n="{$i}" state="unfamiliar" label="{$slot/@label}" name="{$unfamiliar/@name}" role="{$unfamiliar/@role}"/>
        </xsl:when>
        <xsl:otherwise>
          <slot n="{$i}" state="missing" label="{$slot/@label}" waived="{boolean($waived)}" roles="{normalize-space($roles)}"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="fill-slots">
        <xsl:with-param name="slots" select="$slots"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="used" select="concat($used, $pick/@person, $unfamiliar/@person, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'reference-roles']" mode="verdict">
    <xsl:variable name="comp" select="r:composition[@track = $trk]"/>
    <xsl:variable name="slots-rtf">
      <xsl:call-template name="fill-slots"><xsl:with-param name="slots" select="$comp/r:slot"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="slots" select="exsl:node-set($slots-rtf)/c:slot"/>
    <xsl:variable name="waivable" select="$slots[@state = 'waived']"/>
    <xsl:variable name="all-waived" select="$comp/r:all-waived and count($waivable) = count($comp/r:slot[@waived-by and not(@else-roles)]) and count($waivable) &gt; 0"/>
    <xsl:variable name="colleagues" select="$raters[contains(concat(' ', $comp/r:all-waived/@roles, ' '), concat(' ', @role, ' '))]"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($comp)">
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x><xsl:value-of select="concat('No reference roles are defined for the ', $track-name, ' track.')"/></x>
        </xsl:when>
        <xsl:when test="$all-waived">
          <xsl:choose>
            <xsl:when test="count($colleagues) &gt;= $comp/r:all-waived/@count">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated); ', count($colleagues), ' colleagues rate the applicant.')"/></x>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated), so ', $comp/r:all-waived/@label, ' are needed; ', count($colleagues), ' completed.')"/></x>
              <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$comp/r:all-waived/@count - count($colleagues)"/><xsl:with-param name="one" select="'more reference'"/></xsl:call-template> from a colleague.</short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$slots[@state = 'missing']">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:call-template name="n"><xsl:with-param name="n" select="count($slots[@state = 'missing'])"/><xsl:with-param name="one" select="'reference role is'"/><xsl:with-param name="many" select="'reference roles are'"/></xsl:call-template> not filled by a completed rating.
          </x>
          <short>
            <xsl:text>Missing reference: </xsl:text>
            <xsl:for-each select="$slots[@state = 'missing']">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="@label"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:when>
        <xsl:when test="$slots[@state = 'unfamiliar']">
          <xsl:attribute name="status">review</xsl:attribute>
          <x><xsl:value-of select="concat('The department supervisor or chair, ', $slots[@state = 'unfamiliar']/@name, ', is not stated to be familiar with IMH: the committee decides whether the rating stands.')"/></x>
        </xsl:when>
        <xsl:when test="$waivable and $comp/r:all-waived">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>One of the first two categories is stated not applicable and the other is filled: the role of the third rater is undefined, so the committee decides.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Every reference role of the track is filled by a completed rating.</x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$slots">
        <item>
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@state = 'filled'">counted</xsl:when>
              <xsl:when test="@state = 'waived'">not-applicable</xsl:when>
              <xsl:when test="@state = 'unfamiliar'">review</xsl:when>
              <xsl:otherwise>missing</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat('(', @n, ') ', @label, ': ')"/>
          <xsl:choose>
            <xsl:when test="@state = 'filled'"><xsl:value-of select="concat(@name, ' (', translate(@role, '-', ' '), ')')"/></xsl:when>
            <xsl:when test="@state = 'waived'">stated not applicable</xsl:when>
            <xsl:when test="@state = 'unfamiliar'"><xsl:value-of select="concat(@name, ', not stated to be familiar with IMH')"/></xsl:when>
            <xsl:otherwise>missing</xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'signature']" mode="verdict">
    <xsl:variable name="e" select="$pf/p:attestations/p:ethics"/>
    <v>
      <xsl:choose>
        <xsl:when test="$e and number(translate($e/@signed, '-', '')) &lt;= $as-of-num">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat('Signed on ', $e/@signed, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>The Code of Ethics and Endorsement Agreement is not signed.</x>
          <short>Sign the Code of Ethics and Endorsement Agreement.</short>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'exam']" mode="verdict">
    <!-- a result dated after the evaluation date is not known yet -->
    <xsl:variable name="last-rtf">
      <xsl:for-each select="$pf/p:attestations/p:exam[@status = 'scheduled' or
          number(translate(@date, '-', '')) &lt;= $as-of-num]">
        <xsl:sort select="translate(@date, '-', '')" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><e status="{@status}" date="{@date}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="last" select="exsl:node-set($last-rtf)/c:e"/>
    <v>
      <xsl:choose>
        <xsl:when test="$last/@status = 'passed'">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat('Written examination passed on ', $last/@date, '.')"/></x>
        </xsl:when>
        <xsl:when test="$last/@status = 'failed'">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('Written examination failed on ', $last/@date, '.')"/></x>
          <short>Pass the written examination (the last attempt failed).</short>
        </xsl:when>
        <xsl:when test="$last/@status = 'scheduled'">
          <xsl:attribute name="status">pending</xsl:attribute>
          <x><xsl:value-of select="concat('Exam scheduled ', $last/@date, '.')"/></x>
          <short><xsl:value-of select="concat('Pass the written examination (scheduled ', $last/@date, ').')"/></short>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No written examination is recorded as of ', $as-of, '.')"/></x>
          <short>Schedule and pass the written examination.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$pf/p:attestations/p:exam">
        <item><xsl:value-of select="concat(@date, ': ', @status)"/></item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <!-- Renewal: one calendar year's record. -->
  <xsl:variable name="ren" select="$pf/p:renewals/p:renewal[@year = $year]"/>

  <xsl:template name="no-renewal-record">
    <xsl:attribute name="status">not-met</xsl:attribute>
    <x><xsl:value-of select="concat('No renewal record for ', $year, '.')"/></x>
    <short><xsl:value-of select="concat('Record the continuing education and membership for ', $year, '.')"/></short>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'renewal-hours']" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="not($ren)"><xsl:call-template name="no-renewal-record"/></xsl:when>
        <xsl:otherwise>
          <xsl:variable name="have"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="$ren/@training-hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
          <xsl:variable name="gap-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need - $have"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$have &gt;= $need">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat($have-s, ' clock hours in ', $year, ' (', $need-s, ' required).')"/></x>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat($have-s, ' of ', $need-s, ' clock hours in ', $year, '.')"/></x>
              <short><xsl:value-of select="concat('Needs ', $gap-s, ' more clock hours of training for ', $year, '.')"/></short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'renewal-topic-hours']" mode="verdict">
    <xsl:variable name="need"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="@min"/></xsl:call-template></xsl:variable>
    <xsl:variable name="need-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$need"/></xsl:call-template></xsl:variable>
    <v status="advice">
      <xsl:choose>
        <xsl:when test="$trk != 'clinical' or not($ren/@provides-rsc = 'yes')">
          <x>Applies to Level IV-Clinical endorsees who provide RS/C; not the case here.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="have"><xsl:call-template name="hundredths"><xsl:with-param name="h" select="$ren/@rsc-training-hours"/></xsl:call-template></xsl:variable>
          <xsl:variable name="have-s"><xsl:call-template name="fmt-hours"><xsl:with-param name="c" select="$have"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$have &gt;= $need"><x><xsl:value-of select="concat($have-s, ' of the hours are about RS/C (', $need-s, ' recommended): followed.')"/></x></xsl:when>
            <xsl:otherwise><x><xsl:value-of select="concat('Only ', $have-s, ' of the hours are about RS/C; ', $need-s, ' are recommended.')"/></x></xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'renewal-membership']" mode="verdict">
    <xsl:variable name="end" select="number(concat($year, '1231'))"/>
    <xsl:variable name="m" select="($ren/p:membership | $pf/p:attestations/p:membership)[number(translate(@paid-through, '-', '')) &gt;= $end]"/>
    <v>
      <xsl:choose>
        <xsl:when test="$m">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($m[1]/@association, ' membership paid through ', $m[1]/@paid-through, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('No membership is paid through the end of ', $year, '.')"/></x>
          <short><xsl:value-of select="concat('Renew membership for ', $year, '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

  <xsl:template match="r:rule[@type = 'renewal-receives-rsc']" mode="verdict">
    <v status="advice">
      <xsl:choose>
        <xsl:when test="$ren/@receives-rsc = 'yes'"><x>Receives reflective supervision/consultation: followed.</x></xsl:when>
        <xsl:when test="$ren/@provides-rsc = 'yes'"><x>Provides RS/C but receives none: receiving RS/C is especially recommended.</x></xsl:when>
        <xsl:otherwise><x>Receiving reflective supervision/consultation is recommended.</x></xsl:otherwise>
      </xsl:choose>
    </v>
  </xsl:template>

</xsl:stylesheet>
